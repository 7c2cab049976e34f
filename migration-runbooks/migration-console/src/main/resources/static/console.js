// The console's panels: each polls its JSON under /api (with the page's session; CSRF token on changes) and updates the page in place.
// Untrusted text (reasons, bodies, paths) only ever goes through textContent.
(function () {
    'use strict';
    const REFRESH_MILLIS = 2000;
    const csrfHeader = document.querySelector('meta[name=_csrf_header]').content;
    const csrfToken = document.querySelector('meta[name=_csrf]').content;
    const operator = document.body.dataset.operator === 'true';
    const $ = (selector, root) => (root || document).querySelector(selector);

    async function api(path, options) {
        const init = Object.assign({headers: {}}, options || {});
        init.headers.Accept = 'application/json';
        if (init.method && init.method !== 'GET') {
            init.headers[csrfHeader] = csrfToken;
        }
        const response = await fetch('/api' + path, init);
        const body = await response.json().catch(() => null);
        if (!response.ok) {
            const error = new Error(body && body.detail ? body.detail : response.status + ' ' + response.statusText);
            error.problem = body;
            throw error;
        }
        return body;
    }

    function fmt(value, digits) {
        if (value === null || value === undefined || Number.isNaN(value)) {
            return '–';
        }
        return typeof value === 'number' ? value.toFixed(digits === undefined ? 0 : digits) : String(value);
    }

    function cell(row, text, testid, numeric) {
        const td = document.createElement('td');
        td.textContent = text;
        if (testid) td.dataset.testid = testid;
        if (numeric) td.className = 'num';
        row.appendChild(td);
        return td;
    }

    function say(text, failed) {
        const message = $('[data-testid=message]');
        message.textContent = text;
        message.classList.toggle('failed', !!failed);
    }

    async function panel(name, refresh) {
        const error = $('[data-testid=' + name + '-error]');
        try {
            await refresh();
            error.textContent = '';
        } catch (e) {
            error.textContent = e.message;
        }
    }

    // ---- routes
    const routeRows = new Map();

    function routeRow(route) {
        let row = routeRows.get(route.routeId);
        if (row) return row;
        row = document.createElement('tr');
        row.dataset.route = route.routeId;
        ['route', 'mode', 'percent', 'kill-switch', 'version', 'updated-by', 'traffic'].forEach(f => cell(row, '', f));
        const actions = cell(row, '', 'actions');
        if (operator) {
            const form = $('#shift-form').content.firstElementChild.cloneNode(true);
            form.addEventListener('submit', event => { event.preventDefault(); shift(route.routeId, form); });
            actions.appendChild(form);
        }
        $('table[data-testid=routes] tbody').appendChild(row);
        routeRows.set(route.routeId, row);
        return row;
    }

    function renderRoute(route) {
        const row = routeRow(route);
        row.dataset.version = route.version;
        $('[data-testid=route]', row).textContent = route.routeId;
        $('[data-testid=mode]', row).textContent = route.mode;
        $('[data-testid=percent]', row).textContent = fmt(route.percent, route.percent % 1 === 0 ? 0 : 2);
        $('[data-testid=kill-switch]', row).textContent = route.killSwitch ? 'ON' : 'off';
        $('[data-testid=version]', row).textContent = route.version;
        $('[data-testid=updated-by]', row).textContent = route.updatedBy || '';
        const traffic = $('[data-testid=traffic]', row);
        traffic.textContent = '';
        if (route.traffic.error) {
            traffic.textContent = 'unknown: ' + route.traffic.error;
        } else {
            const bar = document.createElement('span');
            bar.className = 'split';
            const fresh = document.createElement('span');
            fresh.style.width = (100 * route.traffic.newShare).toFixed(1) + '%';
            bar.appendChild(fresh);
            traffic.appendChild(bar);
            traffic.appendChild(document.createTextNode(' ' + route.traffic.legacy + ' / ' + route.traffic.new
                + ' (' + fmt(100 * route.traffic.newShare, 1) + ' % new)'));
        }
    }

    async function shift(routeId, form) {
        const row = routeRows.get(routeId);
        const percent = form.percent.value === '' ? null : Number(form.percent.value);
        try {
            const changed = await api('/routes/' + encodeURIComponent(routeId), {
                method: 'PUT',
                headers: {'Content-Type': 'application/json', 'If-Match': '"' + row.dataset.version + '"'},
                body: JSON.stringify({mode: form.mode.value, percent: percent, reason: form.reason.value})
            });
            say('Route ' + routeId + ' is now ' + changed.mode + (changed.mode === 'CANARY' || changed.mode === 'SHADOW'
                ? ' ' + fmt(changed.percent, changed.percent % 1 === 0 ? 0 : 2) + ' %' : ''));
            form.reason.value = '';
            refreshAll();
        } catch (e) {
            say('Route ' + routeId + ' not changed: ' + e.message, true);
        }
    }

    async function refreshRoutes() {
        const routes = await api('/routes');
        routes.forEach(renderRoute);
        const select = $('[data-testid=dashboard-route]');
        routes.forEach(route => {
            if (![...select.options].some(o => o.value === route.routeId)) {
                select.add(new Option(route.routeId, route.routeId));
            }
        });
    }

    // ---- dashboard
    const charts = {};

    function chart(name, series, data) {
        const target = $('[data-testid=chart-' + name + ']');
        if (!charts[name]) {
            charts[name] = new uPlot({width: 420, height: 180, series: [{}].concat(series),
                scales: {x: {time: true}}}, data, target);
        } else {
            charts[name].setData(data);
        }
    }

    function renderHistory(history) {
        const at = history.map(p => Date.parse(p.at) / 1000);
        const side = (name, field) => history.map(p => p[name][field]);
        chart('rate', [{label: 'legacy', stroke: '#3b6ea5'}, {label: 'new', stroke: '#e3873b'}],
            [at, side('legacy', 'ratePerSecond'), side('new', 'ratePerSecond')]);
        chart('errors', [{label: 'legacy', stroke: '#3b6ea5'}, {label: 'new', stroke: '#e3873b'}],
            [at, side('legacy', 'errorRate'), side('new', 'errorRate')]);
        const latency = [];
        ['legacy', 'new'].forEach(name => ['p50Millis', 'p95Millis', 'p99Millis'].forEach(p => latency.push({
            label: name + ' ' + p.replace('Millis', ''), stroke: name === 'legacy' ? '#3b6ea5' : '#e3873b',
            dash: p === 'p50Millis' ? undefined : (p === 'p95Millis' ? [6, 3] : [2, 2])})));
        chart('latency', latency, [at].concat(latency.map(s => {
            const [name, p] = s.label.split(' ');
            return side(name, p + 'Millis');
        })));
    }

    function renderComparison(comparison) {
        ['legacy', 'new'].forEach(name => {
            const backend = comparison.backends[name];
            const row = $('table[data-testid=comparison] tr[data-backend=' + name + ']');
            $('[data-f=count]', row).textContent = backend.count;
            $('[data-f=errors]', row).textContent = backend.errors;
            $('[data-f=errorRate]', row).textContent = fmt(100 * backend.errorRate, 1) + ' %';
            ['p50Millis', 'p95Millis', 'p99Millis'].forEach(p => $('[data-f=' + p + ']', row).textContent = fmt(backend[p], 1));
        });
        const shadow = comparison.shadow;
        const compared = shadow.matched + shadow.mismatched;
        $('[data-testid=shadow-summary]').textContent = 'match rate ' + (compared ? fmt(100 * shadow.matched / compared, 1) + ' %' : '–')
            + ' (' + shadow.matched + ' matched, ' + shadow.mismatched + ' differing, ' + shadow.dropped + ' dropped, '
            + shadow.failed + ' failed, ' + shadow.skipped + ' skipped)';
        const top = $('table[data-testid=top-differing] tbody');
        top.textContent = '';
        shadow.topDifferingPathsSinceStart.forEach(p => {
            const row = document.createElement('tr');
            cell(row, p.path); cell(row, p.kind); cell(row, p.count, null, true);
            top.appendChild(row);
        });
        const recent = $('[data-testid=recent-mismatches]');
        recent.textContent = '';
        shadow.recentMismatches.slice(0, 5).forEach(sample => {
            const item = document.createElement('li');
            const c = sample.comparison;
            item.textContent = c.at + ' ' + c.method + ' ' + c.path + ' (legacy ' + c.legacyStatus + ', new ' + c.newStatus + '): '
                + c.differences.map(d => d.kind + ' ' + d.path + ' ' + d.legacyValue + ' → ' + d.newValue).join('; ');
            recent.appendChild(item);
        });
        const fallbacks = comparison.fallbacks;
        $('[data-testid=fallbacks]').textContent = fallbacks.count + ' in the window'
            + Object.entries(fallbacks.byReason).filter(([, n]) => n > 0).map(([r, n]) => ', ' + r + ' ' + n).join('');
    }

    async function refreshDashboard() {
        const route = $('[data-testid=dashboard-route]').value;
        if (!route) return;
        const window = $('[data-testid=dashboard-window]').value;
        const dashboard = await api('/routes/' + encodeURIComponent(route) + '/dashboard?window=' + window);
        renderComparison(dashboard.comparison);
        if (typeof uPlot !== 'undefined') renderHistory(dashboard.history);
    }

    // ---- data sync
    async function refreshSync() {
        const sync = await api('/sync');
        const status = sync.status;
        $('[data-testid=captures]').textContent = 'captures: ' + Object.entries(status.captures)
            .map(([name, c]) => name + ' ' + c.state + (c.error ? ' (' + c.error + ')' : '')).join(', ')
            + '; appliers: ' + status.appliers
                .map(a => a.name + (a.worker === undefined ? '' : ' #' + a.worker) + ' ' + a.state).join(', ');
        const tables = $('table[data-testid=sync-tables] tbody');
        tables.textContent = '';
        status.tables.forEach(t => {
            const row = document.createElement('tr');
            row.dataset.table = t.table;
            cell(row, t.table); cell(row, t.direction); cell(row, status.ownership[t.table] || '–');
            cell(row, fmt(t.lagP50Ms, 1), 'lag-p50', true); cell(row, fmt(t.lagP99Ms, 1), 'lag-p99', true);
            cell(row, t.counts.applied || 0, null, true); cell(row, t.counts.dead_letter || 0, 'dead-letters', true);
            tables.appendChild(row);
        });
        const parity = $('table[data-testid=parity] tbody');
        parity.textContent = '';
        Object.values(sync.parity).forEach(p => {
            const row = document.createElement('tr');
            row.dataset.table = p.table;
            cell(row, p.table); cell(row, fmt(p.parityPercent, 2), 'parity-percent', true);
            cell(row, p.sourceRows, null, true); cell(row, p.targetRows, null, true);
            cell(row, p.differingKeys.length, null, true); cell(row, p.finishedAt);
            parity.appendChild(row);
        });
    }

    // ---- audit
    async function refreshAudit() {
        const entries = await api('/audit?limit=30');
        const body = $('table[data-testid=audit] tbody');
        body.textContent = '';
        entries.forEach(e => {
            const row = document.createElement('tr');
            row.dataset.testid = 'audit-entry';
            cell(row, e.changedAt); cell(row, e.actor); cell(row, (e.channel || '') + ' ' + (e.routeId || e.runbook || ''));
            cell(row, e.decision ? e.decision : describe(e.before) + ' → ' + describe(e.after)); cell(row, e.reason);
            body.appendChild(row);
        });
    }

    function describe(setting) {
        if (!setting) return '–';
        return setting.mode + (setting.mode === 'CANARY' || setting.mode === 'SHADOW' ? ' ' + setting.percent + ' %' : '')
            + (setting.killSwitch ? ' (kill switch)' : '');
    }

    // ---- runs (filled in by runs.js when the runbook engine is present)
    window.strangler = {api: api, say: say, fmt: fmt, cell: cell, operator: operator, panel: panel};

    let refreshing = false;
    async function refreshAll() {
        if (refreshing) return;
        refreshing = true;
        try {
            await panel('routes', refreshRoutes);
            await Promise.all([panel('dashboard', refreshDashboard), panel('sync', refreshSync), panel('audit', refreshAudit),
                window.stranglerRuns ? panel('runs', window.stranglerRuns) : Promise.resolve()]);
        } finally {
            refreshing = false;
        }
    }

    $('[data-testid=dashboard-route]').addEventListener('change', refreshAll);
    $('[data-testid=dashboard-window]').addEventListener('change', refreshAll);
    refreshAll();
    setInterval(refreshAll, REFRESH_MILLIS);
})();
