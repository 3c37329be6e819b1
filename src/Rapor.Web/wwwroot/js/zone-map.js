// Choropleth of kecamatan zones; each polygon opens that kecamatan's rapor. No tile server: boundaries only.
(function () {
    const el = document.getElementById('map');
    if (!el || !el.dataset.zones) return;
    const zones = JSON.parse(el.dataset.zones);
    const colors = { Hijau: '#1f9d55', Kuning: '#f2c200', Merah: '#d64545' };
    const base = el.dataset.base || '/Rapor/';
    const map = L.map(el, { zoomSnap: 0.25 });
    map.attributionControl.addAttribution('Batas: cahyadsn/wilayah_boundaries (MIT)');
    fetch(el.dataset.geojson).then(r => r.json()).then(data => {
        const layer = L.geoJSON(data, {
            style: f => {
                const z = zones[f.properties.kode];
                return { color: '#333', weight: 1, fillColor: z ? colors[z.zone] : '#bbb', fillOpacity: 0.7 };
            },
            onEachFeature: (f, l) => {
                const z = zones[f.properties.kode];
                l.options.zone = z ? z.zone : '';
                l.bindTooltip(z ? `${z.name}: ${z.total} (${z.zone}, #${z.rank})` : f.properties.nama, { sticky: true });
                l.on('click', () => { window.location.href = base + encodeURIComponent(f.properties.kode) + '/' + el.dataset.period; });
            }
        }).addTo(map);
        map.fitBounds(layer.getBounds());
        layer.eachLayer(l => { if (l._path) { l._path.setAttribute('data-kode', l.feature.properties.kode); l._path.setAttribute('data-zone', l.options.zone); } });
        el.dataset.loaded = String(data.features.length);
    });
})();
