/*
 * The location form: shows the fields of the chosen kind only (sections carry data-kinds="PlantingArea …").
 * Without this script every section shows and the server ignores the fields that do not apply.
 */
(function () {
  'use strict';
  var select = document.querySelector('[data-location-kind]');
  if (!select) return;

  function apply() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-kinds]'), function (section) {
      var show = section.dataset.kinds.split(' ').indexOf(select.value) >= 0;
      var wasHidden = section.hidden;
      section.hidden = !show;
      // A map set up while hidden measured itself as 0×0: measure again once it shows.
      if (show && wasHidden && window.VnTraceMap) {
        Array.prototype.forEach.call(section.querySelectorAll('[data-map]'), window.VnTraceMap.refresh);
      }
    });
  }

  select.addEventListener('change', apply);
  apply();
})();
