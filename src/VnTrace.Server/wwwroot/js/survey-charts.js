// Draws a bar chart for each survey question that has choices. The data comes from the canvas's
// data-survey-chart attribute (labels and counts, JSON); the table beside it holds the same figures, so the page
// reads the same without script. Labels are passed to Chart.js as data and drawn on the canvas, never as HTML.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') return;
    document.querySelectorAll('canvas[data-survey-chart]').forEach(function (canvas) {
        var data;
        try { data = JSON.parse(canvas.getAttribute('data-survey-chart')); } catch (e) { return; }
        if (!data || !Array.isArray(data.labels) || !Array.isArray(data.counts)) return;
        new Chart(canvas, {
            type: 'bar',
            data: { labels: data.labels, datasets: [{ data: data.counts, backgroundColor: '#198754' }] },
            options: {
                indexAxis: 'y',
                animation: false,
                maintainAspectRatio: false,
                plugins: { legend: { display: false } },
                scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
    });
})();
