// Small Chart.js helpers; data comes from data-* attributes rendered by the server.
(function () {
    const trend = document.getElementById('trend');
    if (trend && window.Chart) {
        const green = Number(trend.dataset.green), yellow = Number(trend.dataset.yellow);
        new Chart(trend, {
            type: 'line',
            data: {
                labels: JSON.parse(trend.dataset.labels),
                datasets: [
                    { label: 'Nilai', data: JSON.parse(trend.dataset.values), borderColor: '#0b5e8a', tension: 0.2 },
                    { label: 'Hijau', data: JSON.parse(trend.dataset.values).map(() => green), borderColor: '#1f9d55', borderDash: [4, 4], pointRadius: 0 },
                    { label: 'Kuning', data: JSON.parse(trend.dataset.values).map(() => yellow), borderColor: '#f2c200', borderDash: [4, 4], pointRadius: 0 },
                ],
            },
            options: { animation: false, scales: { y: { suggestedMin: 50, suggestedMax: 100 } } },
        });
    }
    document.querySelectorAll('canvas[data-chart]').forEach(c => {
        new Chart(c, { type: c.dataset.chart, data: JSON.parse(c.dataset.config), options: { animation: false, ...(JSON.parse(c.dataset.options || '{}')) } });
    });
})();
