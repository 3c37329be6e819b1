// Draws the kecamatan polygons without any tile server (no internet at run time is assumed).
(function () {
    const el = document.getElementById('map');
    if (!el) return;
    const map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
    map.attributionControl.addAttribution('Batas: cahyadsn/wilayah_boundaries (MIT)');
    fetch(el.dataset.geojson).then(r => r.json()).then(data => {
        const layer = L.geoJSON(data, {
            style: () => ({ color: '#0b5e8a', weight: 1.5, fillColor: '#6fb3d9', fillOpacity: 0.35 }),
            onEachFeature: (f, l) => {
                l.bindTooltip(`${f.properties.nama} (${f.properties.kode})`, { sticky: true });
                l.on('click', () => { window.location.href = '/Regions/Unit/' + encodeURIComponent(f.properties.kode); });
                l.on('mouseover', () => l.setStyle({ fillOpacity: 0.6 }));
                l.on('mouseout', () => l.setStyle({ fillOpacity: 0.35 }));
            }
        }).addTo(map);
        map.fitBounds(layer.getBounds());
        el.dataset.loaded = String(data.features.length);
    });
})();
