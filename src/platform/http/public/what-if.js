// The what-if form works as a plain GET form; with JavaScript it recomputes as you type: the
// same page is asked for in the background and only its result part is swapped in.
(function () {
  'use strict';
  var form = document.querySelector('form.what-if-form');
  var output = document.getElementById('what-if-output');
  if (!form || !output || !window.fetch || !window.DOMParser) return;
  var timer = null;
  var controller = null;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (typeof value === 'string' && value.trim() !== '') params.append(key, value);
    });
    return params.toString();
  }

  function update() {
    var base = form.getAttribute('action').split('#')[0];
    var url = base + (query() ? '?' + query() : '');
    if (controller) controller.abort();
    controller = new AbortController();
    output.setAttribute('aria-busy', 'true');
    fetch(url, {
      signal: controller.signal,
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) return;
        var fresh = new DOMParser()
          .parseFromString(html, 'text/html')
          .getElementById('what-if-output');
        var current = document.getElementById('what-if-output');
        if (fresh && current) {
          current.innerHTML = fresh.innerHTML;
          current.removeAttribute('aria-busy');
        }
        history.replaceState(null, '', url + '#what-if');
      })
      .catch(function () {
        /* aborted by a newer change, or offline: the submit button still works */
      });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  form.setAttribute('data-instant', 'on');
})();
