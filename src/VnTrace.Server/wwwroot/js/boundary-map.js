/*
 * VnTrace maps: small helpers on top of Leaflet 1.9 (load /lib/leaflet/leaflet.js first). A plain script, no build
 * step. The markup drives it and every word comes from data- attributes, so the server localises the text.
 *
 * Every map element (class "map" gives it a height):
 *   data-map              "view" | "boundary" | "point"; elements with it are set up when this script runs
 *   data-tile-url         Leaflet tile URL template; empty for no tiles (shapes still draw, over a blank map)
 *   data-tile-attribution HTML the tile provider requires
 *   data-center, data-zoom "lat,lng" and zoom of a map with nothing to show
 *
 * data-map="view": a read-only map, fitted to what it shows.
 *   data-geojson  a GeoJSON geometry or feature (a planting area's boundary)
 *   data-points   [{"lat": 12.68, "lng": 108.04, "label": "Kho Ea Kar"}, …]; labels become tooltips (text, not HTML)
 *   data-line     "true" joins the points in order with a line (a journey)
 *
 * data-map="boundary": draw a polygon by clicking on the map; corners can be dragged, undone, cleared, or added at
 * the map's centre from the keyboard. The corners go to the input named by data-input as [[lat, lng], …], or "[]"
 * once cleared; the input is left alone until the drawing changes (an untouched stored boundary stays as it is).
 *   data-input, data-geojson (the stored boundary, editable when it is one simple polygon)
 *   data-label-undo, -clear, -centre (button texts), -hint (shown with no corners), -status ("{0} corners,
 *   about {1} ha"), -vertex ("Corner {0}", the title of a corner marker)
 *
 * data-map="point": one point, set by clicking or dragging; kept in step with two text inputs.
 *   data-lat-input, data-lng-input (input ids), data-label-point (the marker's title)
 *
 * window.VnTraceMap: init(element) for maps added later, get(element) for the Leaflet map, refresh(element) after
 * a hidden map is shown (it measures itself again and refits).
 */
(function () {
  'use strict';

  var entries = new WeakMap();
  var shapeStyle = { color: '#1f6f3f', weight: 2, fillColor: '#3c9a5f', fillOpacity: 0.25 };
  var oldShapeStyle = { color: '#6c757d', weight: 2, dashArray: '6 4', fillOpacity: 0.08, interactive: false };
  var pointStyle = { radius: 7, color: '#ffffff', weight: 2, fillColor: '#1f6f3f', fillOpacity: 1 };
  var lineStyle = { color: '#2a5da8', weight: 3, opacity: 0.8 };

  function parseJson(text) {
    if (!text) return null;
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  /** Reads "12.5" or "12,5". */
  function parseNumber(text) {
    var s = String(text || '').replace(/\s+/g, '');
    if (s.indexOf(',') >= 0 && s.indexOf('.') < 0) s = s.replace(',', '.');
    return s === '' ? NaN : Number(s);
  }

  function round7(x) { return Math.round(x * 1e7) / 1e7; }

  function format(text, args) {
    return String(text || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
  }

  function language() { return document.documentElement.lang || 'vi'; }

  function baseMap(el) {
    var center = String(el.dataset.center || '').split(',').map(Number);
    if (center.length !== 2 || isNaN(center[0]) || isNaN(center[1])) center = [12.9, 108.45];
    var zoom = el.dataset.zoom ? Number(el.dataset.zoom) : NaN;
    var map = L.map(el, { center: center, zoom: isFinite(zoom) ? zoom : 8 });
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom: 19, attribution: el.dataset.tileAttribution || '' }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);
    return map;
  }

  /** Fits the map to a layer group; one point gets a street-level zoom. */
  function fitTo(map, group) {
    var bounds = group.getBounds();
    if (!bounds.isValid()) return false;
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), 15);
    else map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
    return true;
  }

  function view(el) {
    var map = baseMap(el);
    var group = L.featureGroup().addTo(map);
    var geometry = parseJson(el.dataset.geojson);
    if (geometry) L.geoJSON(geometry, { style: function () { return shapeStyle; } }).addTo(group);
    var line = [];
    (parseJson(el.dataset.points) || []).forEach(function (p) {
      if (!p || typeof p.lat !== 'number' || typeof p.lng !== 'number') return;
      var marker = L.circleMarker([p.lat, p.lng], pointStyle).addTo(group);
      if (p.label) marker.bindTooltip(document.createTextNode(String(p.label)));
      line.push([p.lat, p.lng]);
    });
    if (el.dataset.line === 'true' && line.length > 1) L.polyline(line, lineStyle).addTo(group);
    var fit = function () { fitTo(map, group); };
    fit();
    return { map: map, fit: fit };
  }

  /** Area of a small polygon on the sphere, for the live estimate only (the server computes the stored area). */
  function hectares(latlngs) {
    if (latlngs.length < 3) return 0;
    var r = 6371008.8, rad = Math.PI / 180, lat0 = 0;
    latlngs.forEach(function (p) { lat0 += p.lat; });
    var k = Math.cos(lat0 / latlngs.length * rad);
    var sum = 0;
    for (var i = 0; i < latlngs.length; i++) {
      var a = latlngs[i], b = latlngs[(i + 1) % latlngs.length];
      sum += (a.lng * k * rad * r) * (b.lat * rad * r) - (b.lng * k * rad * r) * (a.lat * rad * r);
    }
    return Math.abs(sum / 2) / 10000;
  }

  function button(toolbar, text, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-sm btn-outline-secondary';
    b.textContent = text;
    b.setAttribute('aria-controls', toolbar.dataset.controls);
    b.addEventListener('click', onClick);
    toolbar.appendChild(b);
    return b;
  }

  function boundary(el) {
    var map = baseMap(el);
    var input = document.getElementById(el.dataset.input);
    var d = el.dataset;
    var corners = [];
    var shape = L.polygon([], L.extend({ interactive: false }, shapeStyle)).addTo(map);
    var stored = null;

    if (!el.id) el.id = 'map-' + Math.random().toString(36).slice(2);
    var toolbar = document.createElement('div');
    toolbar.className = 'd-flex flex-wrap gap-2 mb-2';
    toolbar.dataset.controls = el.id;
    var status = document.createElement('p');
    status.className = 'small text-muted mb-1';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    el.parentNode.insertBefore(toolbar, el);
    el.parentNode.insertBefore(status, el);
    button(toolbar, d.labelCentre, function () { add(map.getCenter()); changed(); });
    var undoButton = button(toolbar, d.labelUndo, function () {
      var last = corners.pop();
      if (last) map.removeLayer(last);
      changed();
    });
    var clearButton = button(toolbar, d.labelClear, function () {
      corners.forEach(function (m) { map.removeLayer(m); });
      corners = [];
      if (stored) { map.removeLayer(stored); stored = null; }
      changed();
    });

    function latlngs() { return corners.map(function (m) { return m.getLatLng(); }); }

    function redraw() {
      var points = latlngs();
      shape.setLatLngs(points);
      corners.forEach(function (m, i) { m.options.title = format(d.labelVertex, [i + 1]); if (m.getElement()) m.getElement().title = m.options.title; });
      status.textContent = points.length === 0
        ? (d.labelHint || '')
        : format(d.labelStatus, [points.length, hectares(points).toLocaleString(language(), { maximumFractionDigits: 2 })]);
      undoButton.disabled = corners.length === 0;
      clearButton.disabled = corners.length === 0 && !stored;
    }

    function write() {
      if (!input) return;
      input.value = JSON.stringify(latlngs().map(function (p) { return [round7(p.lat), round7(p.lng)]; }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    function changed() { redraw(); write(); }

    function add(latlng) {
      var marker = L.marker(latlng, {
        draggable: true,
        keyboard: true,
        icon: L.divIcon({ className: 'map-vertex', iconSize: [14, 14] }),
        title: format(d.labelVertex, [corners.length + 1])
      }).addTo(map);
      marker.on('drag', redraw);
      marker.on('dragend', changed);
      corners.push(marker);
    }

    // What to start from: corners already in the input (the form came back with an error), else the stored boundary.
    var drawn = parseJson(input && input.value);
    var geometry = parseJson(d.geojson);
    if (geometry && geometry.type === 'Feature') geometry = geometry.geometry;
    if (Array.isArray(drawn) && drawn.length > 0) {
      drawn.forEach(function (p) { if (Array.isArray(p) && p.length === 2) add(L.latLng(p[0], p[1])); });
    } else if (geometry && geometry.type === 'Polygon' && geometry.coordinates.length === 1) {
      var ring = geometry.coordinates[0].slice(0, -1); // GeoJSON repeats the first position at the end
      ring.forEach(function (p) { add(L.latLng(p[1], p[0])); });
    } else if (geometry) {
      // A MultiPolygon or a polygon with holes cannot be edited corner by corner: shown, and replaced by a new drawing.
      stored = L.geoJSON(geometry, { style: function () { return oldShapeStyle; } }).addTo(map);
    }
    redraw();

    map.on('click', function (e) { add(e.latlng); changed(); });

    var fit = function () {
      var group = L.featureGroup(corners.slice());
      if (stored) group.addLayer(stored);
      fitTo(map, group);
    };
    fit();
    return { map: map, fit: fit };
  }

  function point(el) {
    var map = baseMap(el);
    var lat = document.getElementById(el.dataset.latInput);
    var lng = document.getElementById(el.dataset.lngInput);
    var marker = null;

    function place(latlng, write) {
      if (!marker) {
        marker = L.marker(latlng, {
          draggable: true,
          keyboard: true,
          icon: L.divIcon({ className: 'map-point', iconSize: [16, 16] }),
          title: el.dataset.labelPoint || ''
        }).addTo(map);
        marker.on('dragend', function () { place(marker.getLatLng(), true); });
      } else {
        marker.setLatLng(latlng);
      }
      if (write && lat && lng) {
        lat.value = round7(latlng.lat).toFixed(7).replace(/\.?0+$/, '');
        lng.value = round7(latlng.lng).toFixed(7).replace(/\.?0+$/, '');
      }
    }

    function read() {
      var a = parseNumber(lat && lat.value), b = parseNumber(lng && lng.value);
      if (isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
        place(L.latLng(a, b), false);
        return true;
      }
      return false;
    }

    map.on('click', function (e) { place(e.latlng, true); });
    [lat, lng].forEach(function (input) {
      if (input) input.addEventListener('change', function () { if (read()) map.panTo(marker.getLatLng()); });
    });
    var fit = function () { if (read()) map.setView(marker.getLatLng(), Math.max(map.getZoom(), 15)); };
    fit();
    return { map: map, fit: fit };
  }

  var kinds = { view: view, boundary: boundary, point: point };

  function init(el) {
    if (entries.has(el)) return entries.get(el).map;
    var setUp = kinds[el.dataset.map];
    if (typeof L === 'undefined' || !setUp) return null;
    var entry = setUp(el);
    entries.set(el, entry);
    return entry.map;
  }

  function get(el) { return entries.has(el) ? entries.get(el).map : null; }

  function refresh(el) {
    var entry = entries.get(el);
    if (!entry) return;
    entry.map.invalidateSize();
    entry.fit();
  }

  window.VnTraceMap = { init: init, get: get, refresh: refresh };

  // Without Leaflet (blocked, not yet cached) the pages still work: the maps stay empty boxes.
  if (typeof L !== 'undefined') {
    Array.prototype.forEach.call(document.querySelectorAll('[data-map]'), init);
  }
})();
