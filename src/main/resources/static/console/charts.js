// Draws the statistics page's charts from the data attributes of their canvases (the tables
// next to them hold the same figures, for readers without the picture).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), function (canvas) {
      var labels = canvas.dataset.labels ? canvas.dataset.labels.split(',') : [];
      var series = canvas.dataset.series ? canvas.dataset.series.split(',').map(Number) : [];
      new Chart(canvas, {
        type: canvas.dataset.chart,
        data: { labels: labels, datasets: [{ label: canvas.dataset.seriesLabel, data: series,
          backgroundColor: '#0b5cad', borderColor: '#0b5cad' }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
      });
    });
  });
}());
