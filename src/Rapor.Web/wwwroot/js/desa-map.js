// WASPADA maps without any tile server: kecamatan outlines (shipped GeoJSON, Jawa Barat) and, for a kecamatan, each
// desa as a marker at the GPS position of its latest visit, coloured by that visit's compliance (no desa boundaries
// are shipped). For a kabupaten: its kecamatan coloured by the mean compliance of their desa.
(function () {
    const el = document.getElementById('map');
    if (!el) return;
    const colors = { baik: '#1f9d55', cukup: '#f2c200', kurang: '#d64545', none: '#999' };
    const units = JSON.parse(el.dataset.units || '[]');
    const prefix = el.dataset.prefix;
    const map = L.map(el, { zoomSnap: 0.25 });
    map.attributionControl.addAttribution('Batas: cahyadsn/wilayah_boundaries (MIT)');
    const markers = L.featureGroup().addTo(map);
    if (el.dataset.mode === 'desa') {
        units.filter(u => u.lat != null && u.lng != null).forEach(u => {
            const m = L.circleMarker([u.lat, u.lng], { radius: 9, color: '#333', weight: 1, fillColor: colors[u.band], fillOpacity: 0.9 })
                .bindTooltip(`${u.name}: ${u.label}`).on('click', () => { window.location.href = '/Waspada/Desa/' + encodeURIComponent(u.code); });
            m.addTo(markers);
            m.on('add', () => { if (m._path) m._path.setAttribute('data-kode', u.code); });
            if (m._path) { m._path.setAttribute('data-kode', u.code); m._path.setAttribute('data-band', u.band); }
        });
    }
    fetch(el.dataset.geojson).then(r => r.json()).then(data => {
        const byCode = Object.fromEntries(units.map(u => [u.code, u]));
        const features = data.features.filter(f => f.properties.kode.startsWith(prefix));
        if (!features.length) document.getElementById('no-outline')?.removeAttribute('hidden');
        const layer = L.geoJSON({ type: 'FeatureCollection', features }, {
            style: f => {
                const u = byCode[f.properties.kode];
                return el.dataset.mode === 'desa'
                    ? { color: '#0b5e8a', weight: 2, fillOpacity: 0.05 }
                    : { color: '#333', weight: 1, fillColor: colors[u ? u.band : 'none'], fillOpacity: 0.7 };
            },
            onEachFeature: (f, l) => {
                const u = byCode[f.properties.kode];
                if (el.dataset.mode !== 'desa') {
                    l.bindTooltip(u ? `${u.name}: ${u.label}` : f.properties.nama, { sticky: true });
                    if (u) l.on('click', () => { window.location.href = '/Waspada/Dashboard?unit=' + encodeURIComponent(u.code); });
                }
            },
        }).addTo(map);
        const bounds = layer.getBounds();
        if (markers.getLayers().length) bounds.extend(markers.getBounds());
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
        else map.setView([-6.9, 107.6], 10);
        el.dataset.loaded = String(el.dataset.mode === 'desa' ? markers.getLayers().length : features.length);
    }).catch(() => { el.dataset.loaded = '0'; });
})();
