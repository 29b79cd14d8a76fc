package com.imprimatur.workflow;

import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's identity service reads our staff ({@code app_user}): users are staff members (id the
 * user name, first name the display name), groups are the four role groups of {@link Role}, a user is
 * a member of the groups of their roles; there are no tenants. It is read-only: Camunda's Admin
 * webapp shows users and groups but cannot create or change them (that is {@code /admin/users}),
 * Camunda's first-admin setup never applies, and no password ever checks out, so Camunda's own
 * login cannot authenticate anyone: the only way in is our login ({@link SpringSessionAuthentication}).
 * The {@code admins} group is Camunda's admin group.
 *
 * <p>Staff is small (tens, at most a few hundred people): each query reads the whole directory and
 * filters it in memory.
 */
@Component
class StaffIdentity extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Staff> staff;

    StaffIdentity(ObjectProvider<Staff> staff) {
        this.staff = staff;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // admins are Camunda administrators: all rights in the webapps, also were authorization checks ever on
        configuration.setAdminGroups(new ArrayList<>(List.of(Role.ADMIN.group())));
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new Provider(staff.getObject());
            }
        });
    }

    @Override
    public String toString() {
        return "StaffIdentity";
    }

    static final class Provider implements ReadOnlyIdentityProvider {

        private final Staff staff;

        Provider(Staff staff) {
            this.staff = staff;
        }

        Stream<User> users() {
            return staff.all().stream().map(Provider::user);
        }

        Stream<Group> groups() {
            return Arrays.stream(Role.values()).map(Provider::group);
        }

        List<StaffProfile> staff() {
            return staff.all();
        }

        private static User user(StaffProfile profile) {
            UserEntity user = new UserEntity(profile.username());
            user.setFirstName(profile.displayName());
            user.setLastName("");
            return user;
        }

        private static Group group(Role role) {
            GroupEntity group = new GroupEntity(role.group());
            String name = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            group.setName(Character.toUpperCase(name.charAt(0)) + name.substring(1) + "s");
            group.setType("imprimatur-role");
            return group;
        }

        @Override
        public User findUserById(String userId) {
            return users().filter(u -> u.getId().equals(userId)).findFirst().orElse(null);
        }

        @Override
        public UserQuery createUserQuery() {
            return new Users(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public UserQuery createUserQuery(CommandContext commandContext) {
            return new Users();
        }

        @Override
        public NativeUserQuery createNativeUserQuery() {
            throw new BadUserRequestException("Native user queries are not supported: users are the application's staff");
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return false; // nobody logs in through Camunda; the webapps take the user of our session
        }

        @Override
        public Group findGroupById(String groupId) {
            return groups().filter(g -> g.getId().equals(groupId)).findFirst().orElse(null);
        }

        @Override
        public GroupQuery createGroupQuery() {
            return new Groups(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public GroupQuery createGroupQuery(CommandContext commandContext) {
            return new Groups();
        }

        @Override
        public Tenant findTenantById(String tenantId) {
            return null;
        }

        @Override
        public TenantQuery createTenantQuery() {
            return new Tenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public TenantQuery createTenantQuery(CommandContext commandContext) {
            return new Tenants();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static Provider provider(CommandContext commandContext) {
        return (Provider) commandContext.getReadOnlyIdentityProvider();
    }

    /** Camunda's LIKE: {@code %} any run of characters, compared ignoring case like the database would. */
    private static Predicate<String> like(String pattern) {
        Pattern compiled = Pattern.compile(Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return value -> value != null && compiled.matcher(value).matches();
    }

    private static <T> List<T> page(Stream<T> items, Page page) {
        Stream<T> paged = items;
        if (page != null) {
            paged = paged.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return paged.toList();
    }

    static final class Users extends UserQueryImpl {

        Users() {
        }

        Users(CommandExecutor executor) {
            super(executor);
        }

        private Stream<User> matching(CommandContext commandContext) {
            Provider provider = provider(commandContext);
            if (procDefId != null || tenantId != null || email != null) {
                return Stream.empty(); // no potential starters, tenants or e-mail addresses here
            }
            List<String> members = groupId == null ? null : provider.staff().stream()
                    .filter(p -> p.roles().stream().anyMatch(r -> r.group().equals(groupId)))
                    .map(StaffProfile::username).toList();
            return provider.users()
                    .filter(u -> id == null || u.getId().equals(id))
                    .filter(u -> ids == null || Arrays.asList(ids).contains(u.getId()))
                    .filter(u -> firstName == null || firstName.equals(u.getFirstName()))
                    .filter(u -> firstNameLike == null || like(firstNameLike).test(u.getFirstName()))
                    .filter(u -> lastName == null || lastName.equals(u.getLastName()))
                    .filter(u -> lastNameLike == null || like(lastNameLike).test(u.getLastName()))
                    .filter(u -> emailLike == null)
                    .filter(u -> members == null || members.contains(u.getId()))
                    .sorted(Comparator.comparing(User::getId));
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching(commandContext).count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching(commandContext), page);
        }
    }

    static final class Groups extends GroupQueryImpl {

        Groups() {
        }

        Groups(CommandExecutor executor) {
            super(executor);
        }

        private Stream<Group> matching(CommandContext commandContext) {
            Provider provider = provider(commandContext);
            if (procDefId != null || tenantId != null) {
                return Stream.empty();
            }
            List<String> ofUser = userId == null ? null : provider.staff().stream()
                    .filter(p -> p.username().equals(userId)).flatMap(p -> p.roles().stream()).map(Role::group).toList();
            return provider.groups()
                    .filter(g -> id == null || g.getId().equals(id))
                    .filter(g -> ids == null || Arrays.asList(ids).contains(g.getId()))
                    .filter(g -> name == null || name.equals(g.getName()))
                    .filter(g -> nameLike == null || like(nameLike).test(g.getName()))
                    .filter(g -> type == null || type.equals(g.getType()))
                    .filter(g -> ofUser == null || ofUser.contains(g.getId()))
                    .sorted(Comparator.comparing(Group::getId));
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching(commandContext).count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching(commandContext), page);
        }
    }

    /** No tenants. */
    static final class Tenants extends TenantQueryImpl {

        Tenants() {
        }

        Tenants(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
