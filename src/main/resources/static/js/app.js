// Small behaviours that htmx and Bootstrap do not cover; no inline scripts (the CSP forbids them).
document.addEventListener('click', function (event) {
    // an organisation chosen in a picker fills the hidden field and shows its name
    const pick = event.target.closest('[data-pick-id]');
    if (pick) {
        event.preventDefault();
        const picker = pick.closest('[data-picker]');
        const hidden = picker.querySelector('input[type=hidden]');
        if (picker.hasAttribute('data-picker-multi')) {
            // a list of organisations: each pick adds a ticked line above the picker
            const line = document.createElement('div');
            line.className = 'small';
            const label = document.createElement('label');
            const box = document.createElement('input');
            box.type = 'checkbox';
            box.name = hidden.name;
            box.value = pick.dataset.pickId;
            box.checked = true;
            label.append(box, ' ', pick.dataset.pickName);
            line.append(label);
            picker.before(line);
        } else {
            hidden.value = pick.dataset.pickId;
            picker.querySelector('[data-picked]').textContent = pick.dataset.pickName;
        }
        picker.querySelector('.picker-results').innerHTML = '';
    }
});

document.addEventListener('submit', function (event) {
    // destructive actions ask first
    const form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
    }
});

document.addEventListener('htmx:configRequest', function (event) {
    // requests that change data carry the CSRF token of the page
    const header = document.querySelector('meta[name=csrf-header]');
    const token = document.querySelector('meta[name=csrf-token]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

document.addEventListener('change', function (event) {
    // the template link follows the region chosen for an import
    if (event.target.id === 'regionId') {
        const link = document.getElementById('template-link');
        if (link) {
            const url = new URL(link.href, window.location.href);
            url.searchParams.set('regionId', event.target.value);
            link.href = url.pathname + url.search;
        }
    }
});

document.addEventListener('change', function (event) {
    // «отметить все на странице»: the box in a table's head ticks (or clears) every box of that name in its form
    const all = event.target.closest('[data-select-all]');
    if (all) {
        const scope = all.closest('form') || document;
        scope.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]').forEach(function (box) {
            if (!box.disabled) {
                box.checked = all.checked;
            }
        });
    }
});
