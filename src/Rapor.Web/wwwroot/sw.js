// Rapor service worker: field pages (a visit, Kegiatan, verifikasi lapangan) open without signal from what the phone
// kept (network first, the kept copy when there is no network); vendored files come from the cache. Sending is not done
// here but by js/offline.js in the page, so no request is ever replayed behind the user's back. See ADR-032.
const PAGES = 'rapor-pages';
const STATIC = 'rapor-static';
const FIELD_PAGES = [/^\/Waspada\/Visit\/[0-9a-f-]{36}$/i, /^\/Activities\/Create$/i, /^\/Verification\/Visit$/i, /^\/Waspada\/?$/i];

self.addEventListener('install', e => {
    self.skipWaiting();
    e.waitUntil(caches.open(STATIC).then(c => c.add('/offline.html')).catch(() => { }));
});
self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', e => {
    const req = e.request;
    if (req.method !== 'GET') return;
    const url = new URL(req.url);
    if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/files/')) return;
    if (/^\/(lib|js|css)\//.test(url.pathname)) {
        // A versioned file (?v=hash) never changes: cache first. Others: network first, the kept copy offline.
        e.respondWith(caches.open(STATIC).then(async c => {
            if (url.searchParams.has('v')) {
                const hit = await c.match(req);
                if (hit) return hit;
            }
            try {
                const r = await fetch(req);
                if (r.ok) c.put(req, r.clone());
                return r;
            } catch (err) {
                const hit = await c.match(req);
                if (hit) return hit;
                throw err;
            }
        }));
        return;
    }
    if (req.mode !== 'navigate') return;
    const field = FIELD_PAGES.some(p => p.test(url.pathname));
    e.respondWith((async () => {
        try {
            const r = await fetch(req);
            // Keep a field page as last opened; a redirect (e.g. to the login page) is not that page.
            if (field && r.ok && !r.redirected) (await caches.open(PAGES)).put(req, r.clone());
            return r;
        } catch (err) {
            const kept = await (await caches.open(PAGES)).match(req, { ignoreVary: true });
            if (kept) return kept;
            const offline = await caches.match('/offline.html');
            if (offline) return offline;
            throw err;
        }
    })());
});
