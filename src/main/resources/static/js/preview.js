// Live preview of the article body: the server renders and sanitises it exactly as the review pages do.
(function () {
  var body = document.getElementById('body');
  var preview = body && document.getElementById(body.getAttribute('data-preview'));
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (!preview || !token || !header || !window.fetch) {
    return;
  }
  var timer = null;
  var sent = 0;
  function render() {
    var mine = ++sent;
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    headers[header.content] = token.content;
    fetch('/articles/preview', { method: 'POST', headers: headers, credentials: 'same-origin',
      body: 'body=' + encodeURIComponent(body.value) })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html !== null && mine === sent) {
          preview.innerHTML = html;
        }
      })
      .catch(function () { /* the "Update preview" button still works */ });
  }
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
})();
