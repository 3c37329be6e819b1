// SKM page: the NRR bar chart per unsur, values from the canvas's data-values.
(function () {
    var c = document.getElementById('nrr-chart');
    var values = c.dataset.values.split(',').map(Number);
    new Chart(c, { type: 'bar', data: { labels: ['U1','U2','U3','U4','U5','U6','U7','U8','U9'], datasets: [{ label: 'NRR', data: values, backgroundColor: '#0b5394' }] },
        options: { scales: { y: { min: 1, max: 4 } }, plugins: { legend: { display: false } } } });
})();
