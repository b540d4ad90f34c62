// Dashboard: sortable table, sparklines and charts drawn with ECharts from the JSON the server computes.
(function () {
    'use strict';

    function number(text) {
        if (text === null || text === undefined || text === '') return null;
        const n = Number(String(text).replace(',', '.'));
        return Number.isNaN(n) ? null : n;
    }

    function ru(value, unit) {
        if (value === null || value === undefined) return '—';
        const text = String(value).replace('.', ',');
        return unit ? text + ' ' + unit : text;
    }

    // ---- sortable tables: a click on a header with data-sort orders the body rows by that column's data-value
    function sortable(table) {
        table.querySelectorAll('thead th[data-sort]').forEach(function (th) {
            th.setAttribute('role', 'button');
            th.setAttribute('tabindex', '0');
            th.setAttribute('aria-sort', 'none');
            const sort = function () {
                const index = columnIndex(table, th);
                const numeric = th.dataset.sort === 'number';
                const descending = th.getAttribute('aria-sort') !== 'descending';
                table.querySelectorAll('thead th[data-sort]').forEach(h => h.setAttribute('aria-sort', 'none'));
                th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
                const body = table.tBodies[0];
                const rows = Array.from(body.rows);
                rows.sort(function (a, b) {
                    const x = a.cells[index] ? a.cells[index].dataset.value : null;
                    const y = b.cells[index] ? b.cells[index].dataset.value : null;
                    let c;
                    if (numeric) {
                        const nx = number(x), ny = number(y);
                        c = (nx === null ? -Infinity : nx) - (ny === null ? -Infinity : ny);
                    } else {
                        c = String(x || '').localeCompare(String(y || ''), 'ru');
                    }
                    return descending ? -c : c;
                });
                rows.forEach(r => body.appendChild(r));
            };
            th.addEventListener('click', sort);
            th.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
        });
    }

    // the index of a header's column in the body, counting the cells of a two-row header
    function columnIndex(table, th) {
        const first = table.tHead.rows[0];
        if (th.parentElement === first) {
            let i = 0;
            for (const cell of first.cells) {
                if (cell === th) return i;
                i += cell.colSpan;
            }
        }
        const spans = [];
        let col = 0;
        for (const cell of first.cells) {
            if (cell.rowSpan > 1) spans.push(col);
            col += cell.colSpan;
        }
        let index = 0;
        for (const cell of th.parentElement.cells) {
            while (spans.includes(index)) index++;
            if (cell === th) return index;
            index++;
        }
        return index;
    }

    // ---- charts
    const charts = {};

    function spark(el) {
        const points = el.dataset.spark.split(';').map(p => p.split(':'));
        const chart = echarts.init(el, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            grid: {left: 2, right: 2, top: 4, bottom: 2},
            xAxis: {type: 'category', show: false, data: points.map(p => p[0])},
            yAxis: {type: 'value', show: false, min: 0, max: 100},
            tooltip: {trigger: 'axis', valueFormatter: v => ru(v, '%')},
            series: [{type: 'line', data: points.map(p => number(p[1])), connectNulls: true, symbolSize: 4,
                lineStyle: {width: 2, color: '#1f4e79'}, itemStyle: {color: '#1f4e79'}, areaStyle: {opacity: 0.08}}]
        });
        window.addEventListener('resize', () => chart.resize());
    }

    function option(spec) {
        const narrow = window.innerWidth < 576;
        const legend = {type: 'scroll', bottom: 0, textStyle: {fontSize: narrow ? 10 : 12}};
        const unit = spec.unit;
        if (spec.kind === 'heatmap') {
            const data = [];
            spec.series.forEach((s, x) => s.data.forEach((v, y) => data.push([x, y, v])));
            return {
                animation: false,
                tooltip: {formatter: p => spec.categories[p.value[1]] + '<br>' + spec.series[p.value[0]].name + ': ' + ru(p.value[2], '%')},
                grid: {left: narrow ? 90 : 160, right: 10, top: 10, bottom: 70},
                xAxis: {type: 'category', data: spec.series.map(s => s.name.split('.')[0]), axisLabel: {fontSize: 10}},
                yAxis: {type: 'category', data: spec.categories, axisLabel: {fontSize: 10, width: narrow ? 85 : 150, overflow: 'truncate'}},
                visualMap: {min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
                    itemHeight: narrow ? 120 : 200, inRange: {color: ['#dc3545', '#ffc107', '#198754']}},
                series: [{type: 'heatmap', data: data, label: {show: !narrow && spec.categories.length <= 25,
                        fontSize: 9, formatter: p => p.value[2] === null ? '' : String(Math.round(p.value[2]))}}]
            };
        }
        const line = spec.kind === 'line';
        const horizontal = !line && spec.categories.length > 8;
        const categoryAxis = {type: 'category', data: spec.categories,
            axisLabel: {fontSize: 10, width: narrow ? 80 : 140, overflow: 'truncate', interval: 0, rotate: horizontal || line ? 0 : 30}};
        const valueAxis = {type: 'value', max: line ? 100 : null, axisLabel: {fontSize: 10}};
        return {
            animation: false,
            tooltip: {trigger: 'axis', valueFormatter: v => ru(v, unit)},
            legend: legend,
            grid: {left: horizontal ? (narrow ? 90 : 150) : 40, right: 10, top: 10, bottom: horizontal || line ? 40 : 80, containLabel: false},
            xAxis: horizontal ? valueAxis : categoryAxis,
            yAxis: horizontal ? Object.assign({}, categoryAxis, {inverse: true}) : valueAxis,
            series: spec.series.map(s => ({
                name: s.name, type: line ? 'line' : 'bar', stack: spec.kind === 'stacked' ? 'all' : undefined,
                data: s.data, connectNulls: true, itemStyle: {color: s.color}, lineStyle: line ? {color: s.color} : undefined,
                barMaxWidth: 28
            }))
        };
    }

    function table(spec, holder) {
        const t = document.createElement('table');
        t.className = 'table table-sm table-bordered mb-0';
        t.id = 'table-' + spec.id;
        const caption = document.createElement('caption');
        caption.className = 'visually-hidden';
        caption.textContent = spec.title;
        t.appendChild(caption);
        const head = t.createTHead().insertRow();
        [spec.categoryHeader].concat(spec.series.map(s => s.name + (spec.unit ? ', ' + spec.unit : ''))).forEach(text => {
            const th = document.createElement('th');
            th.scope = 'col';
            th.textContent = text;
            head.appendChild(th);
        });
        const body = t.createTBody();
        spec.categories.forEach((category, i) => {
            const row = body.insertRow();
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = category;
            row.appendChild(th);
            spec.series.forEach(s => {
                const cell = row.insertCell();
                cell.className = 'text-end';
                cell.textContent = ru(s.data[i], '');
            });
        });
        holder.replaceChildren(t);
    }

    // the heatmap's columns are the directions' codes; their names are written under it, not only in a tooltip
    // that a touch screen never shows
    function codesLegend(el, spec) {
        const id = 'legend-' + spec.id;
        const old = document.getElementById(id);
        if (old) old.remove();
        const list = document.createElement('ul');
        list.id = id;
        list.className = 'list-unstyled small text-muted mb-1 chart-legend';
        spec.series.forEach(s => {
            const item = document.createElement('li');
            item.textContent = s.name;
            list.appendChild(item);
        });
        el.after(list);
    }

    function draw(specs) {
        specs.forEach(spec => {
            const el = document.querySelector('[data-chart="' + spec.id + '"]');
            if (!el) return;
            const title = document.querySelector('[data-chart-title="' + spec.id + '"]');
            if (title) title.textContent = spec.title;
            el.setAttribute('aria-label', spec.title + '. Данные — в таблице под диаграммой.');
            const holder = document.querySelector('[data-chart-table="' + spec.id + '"]');
            if (holder) table(spec, holder);
            if (!spec.categories.length) {
                el.classList.add('chart-empty');
                el.textContent = 'Нет данных за этот год';
                return;
            }
            if (spec.kind === 'heatmap' || spec.categories.length > 8) {
                el.style.height = Math.max(260, Math.min(1600, 26 * spec.categories.length + 110)) + 'px';
            }
            const chart = echarts.init(el, null, {renderer: 'canvas'});
            chart.setOption(option(spec));
            charts[spec.id] = {chart: chart, spec: spec};
            if (spec.kind === 'heatmap') codesLegend(el, spec);
            el.dataset.drawn = 'true';
        });
        window.addEventListener('resize', () => Object.values(charts).forEach(c => c.chart.resize()));
    }

    document.addEventListener('click', function (event) {
        const button = event.target.closest('[data-png]');
        if (!button) return;
        const c = charts[button.dataset.png];
        if (!c) return;
        const link = document.createElement('a');
        link.href = c.chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'});
        link.download = c.spec.title.replace(/[\\/:*?"<>|]/g, ' ') + '.png';
        document.body.appendChild(link);
        link.click();
        link.remove();
    });

    document.addEventListener('change', function (event) {
        if (event.target.matches('select[data-autosubmit]')) {
            event.target.form.submit();
        }
    });

    // the board on its own page, or swapped into a home page by htmx
    function init(root) {
        root.querySelectorAll('table.sortable').forEach(sortable);
        if (typeof echarts === 'undefined') return;
        root.querySelectorAll('[data-spark]').forEach(spark);
        const holder = root.querySelector('#charts');
        if (holder && holder.dataset.source) {
            fetch(holder.dataset.source, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                .then(r => r.ok ? r.json() : Promise.reject(r.status))
                .then(draw)
                .catch(() => holder.insertAdjacentHTML('afterbegin',
                    '<div class="alert alert-warning" id="charts-error">Диаграммы не загрузились. Обновите страницу.</div>'));
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        const board = document.getElementById('board');
        if (board) board.dataset.ready = 'true';
        init(document);
    });
    document.addEventListener('htmx:afterSettle', function (event) {
        const board = event.detail.elt && event.detail.elt.id === 'board' ? event.detail.elt : document.getElementById('board');
        if (board && !board.dataset.ready) {
            board.dataset.ready = 'true';
            init(board);
        }
    });
})();
