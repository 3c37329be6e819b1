// Poster page: the "Cetak" button prints the page (the CSP forbids inline handlers).
document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
