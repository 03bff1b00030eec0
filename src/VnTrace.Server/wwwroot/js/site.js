/*
 * Small enhancements of every page, driven by data- attributes (the Content-Security-Policy allows no inline script
 * or event handler). Every page works without them; the server decides.
 *   form[data-confirm], button[data-confirm]   asks before submitting (a deletion, a decision, a recall); the
 *                                      button's own question wins when it is the one that submits
 *   [data-invite-link], [data-issued-key]   select all on focus, so a one-time link or key copies in one gesture
 *   input[data-toggles=id]             a checkbox that shows the element #id while checked (imported goods → importer)
 *   input[data-disables=id]            a checkbox that makes #id read-only while checked (allocate a GTIN for me)
 */
(function () {
  'use strict';

  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var question = (e.submitter && e.submitter.dataset.confirm) || form.dataset.confirm;
      if (question && !window.confirm(question)) e.preventDefault();
    });
  });

  document.querySelectorAll('[data-invite-link], [data-issued-key]').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
  });

  document.querySelectorAll('input[data-toggles]').forEach(function (box) {
    var target = document.getElementById(box.dataset.toggles);
    if (!target) return;
    var sync = function () { target.hidden = !box.checked; };
    box.addEventListener('change', sync);
    sync();
  });

  document.querySelectorAll('input[data-disables]').forEach(function (box) {
    var target = document.getElementById(box.dataset.disables);
    if (!target) return;
    var sync = function () { target.readOnly = box.checked; };
    box.addEventListener('change', sync);
    sync();
  });
})();
