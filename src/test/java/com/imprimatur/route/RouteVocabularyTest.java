package com.imprimatur.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The route's words are spelled once: no compiled class outside {@code com.imprimatur.route} holds a
 * task key or a decision name as a string constant, and no template or script compares with one.
 * (The BPMN files spell them too; {@code RouteModelTest} holds the two together.)
 */
class RouteVocabularyTest {

    private static final Set<String> WORDS = Stream.concat(
            Arrays.stream(TaskKind.values()).map(TaskKind::key),
            Arrays.stream(Decision.values()).map(Decision::name)).collect(Collectors.toSet());

    @Test
    void noClassOutsideTheRouteTypeSpellsATaskKeyOrADecision() throws IOException {
        Path classes = Path.of("target/classes/com/imprimatur");
        assertThat(classes).as("compiled classes (run through Maven)").isDirectory();
        List<String> found = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                read++;
                if (file.startsWith(classes.resolve("route"))) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (String constant : stringConstants(in)) {
                        if (WORDS.contains(constant)) {
                            found.add(classes.relativize(file) + ": \"" + constant + "\"");
                        }
                    }
                }
            }
        }
        assertThat(read).as("class files read").isGreaterThan(100);
        assertThat(found).as("use TaskKind / Decision instead of these literals").isEmpty();
    }

    @Test
    void noTemplateOrScriptComparesWithATaskKeyOrADecision() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/resources/templates", "src/main/resources/static")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    for (String word : WORDS) {
                        if (text.contains("'" + word + "'") || text.contains("\"" + word + "\"")) {
                            found.add(file + ": " + word);
                        }
                    }
                }
            }
        }
        assertThat(found).as("give the page a flag or the TaskKind instead").isEmpty();
    }

    @Test
    void theScannerFindsALiteralWhereThereIsOne() throws IOException {
        // this very class spells none, but the compiled Decision enum names every decision as a constant
        Path decision = Path.of("target/classes/com/imprimatur/route/Decision.class");
        try (InputStream in = Files.newInputStream(decision)) {
            assertThat(stringConstants(in)).contains("APPROVE", "REOPEN_REVIEW");
        }
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS §4.4): the string literals its code uses. */
    static Set<String> stringConstants(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] strings = new int[count];
        int stringCount = 0;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> strings[stringCount++] = in.readUnsignedShort();
                case 7, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        Set<String> constants = new TreeSet<>();
        for (int s = 0; s < stringCount; s++) {
            constants.add(utf8[strings[s]]);
        }
        return constants;
    }
}
