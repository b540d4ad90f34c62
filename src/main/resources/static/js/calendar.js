// The calendar page: copy the subscription address to the clipboard (no inline scripts: the CSP forbids them).
document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    const field = document.querySelector(button.dataset.copy);
    field.select();
    const done = function () {
        const label = button.innerHTML;
        button.textContent = button.dataset.copied || 'Скопировано';
        setTimeout(function () { button.innerHTML = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
        document.execCommand('copy');
        done();
    }
});
