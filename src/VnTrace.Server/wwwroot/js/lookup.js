// Consumer page enhancements; the page reads the same without them.
// 1. The map of places, drawn with Leaflet (loaded only now), on tiles when a tile server is configured.
// 2. On a per-unit page, an offer to share an approximate position (rounded to ~1 km) for the authenticity check.
(function () {
  'use strict';

  function loadLeaflet(done) {
    if (window.L) { done(); return; }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/lib/leaflet/leaflet.css';
    document.head.appendChild(css);
    var js = document.createElement('script');
    js.src = '/lib/leaflet/leaflet.js';
    js.onload = done;
    document.head.appendChild(js);
  }

  function drawMap(el) {
    var places;
    try { places = JSON.parse(el.dataset.places || '[]'); } catch (e) { return; }
    if (!places.length) return;
    loadLeaflet(function () {
      el.hidden = false;
      var map = window.L.map(el, { scrollWheelZoom: false });
      if (el.dataset.tiles) {
        window.L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution || '' }).addTo(map);
      }
      var points = places.map(function (p) {
        var marker = window.L.circleMarker([p.lat, p.lon], { radius: 8, color: '#1f6f3f', fillOpacity: 0.8 }).addTo(map);
        // A text node, never a string: Leaflet puts a string in as HTML, and place names are typed by businesses.
        marker.bindTooltip(document.createTextNode(String(p.name) + (p.commune ? ', ' + String(p.commune) : '')));
        return [p.lat, p.lon];
      });
      if (points.length > 1) window.L.polyline(points, { color: '#5b7a66', dashArray: '6 4' }).addTo(map);
      if (points.length === 1) map.setView(points[0], 12); else map.fitBounds(points, { padding: [24, 24] });
      el.classList.add('map-ready');
    });
  }

  function offerLocation(button) {
    if (!navigator.geolocation || !window.fetch) return;
    function send() {
      navigator.geolocation.getCurrentPosition(function (pos) {
        // Rounded here as well as on the server: the exact position never leaves the phone.
        var body = { path: button.dataset.path, latitude: Math.round(pos.coords.latitude * 100) / 100, longitude: Math.round(pos.coords.longitude * 100) / 100 };
        fetch('/lookup/scan-location', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        button.textContent = button.dataset.thanks;
        button.disabled = true;
      }, function () { button.hidden = true; }, { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 });
    }
    var ask = function () { button.hidden = false; button.addEventListener('click', send, { once: true }); };
    if (navigator.permissions && navigator.permissions.query) {
      navigator.permissions.query({ name: 'geolocation' }).then(function (state) {
        if (state.state === 'granted') send(); else if (state.state === 'prompt') ask();
      }, ask);
    } else {
      ask();
    }
  }

  var map = document.getElementById('map');
  if (map) drawMap(map);
  var share = document.getElementById('share-location');
  if (share) offerLocation(share);
})();
