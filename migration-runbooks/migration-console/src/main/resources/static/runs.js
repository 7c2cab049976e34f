// The runbook runs panel: start a shipped runbook, follow each run's timeline of steps with their evidence, and
// approve, reject or abort. Uses the runbook engine's own API (/api/runbooks, /api/runs) with the page's session.
(function () {
    'use strict';
    const s = window.strangler;
    const $ = (selector, root) => (root || document).querySelector(selector);
    const SHOWN_RUNS = 5;
    let runbooksLoaded = false;

    function el(tag, text, attributes) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) node.textContent = text;
        Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
        return node;
    }

    async function post(path, body, done) {
        try {
            await s.api(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
            s.say(done);
        } catch (e) {
            s.say(e.message + (e.problem && e.problem.errors ? ': ' + e.problem.errors.map(x => x.message).join('; ') : ''), true);
        }
    }

    function step(view) {
        const item = el('li', null, {'data-testid': 'run-step', 'data-step': view.stepId, 'data-state': view.state,
            'class': 'state-' + view.state});
        item.appendChild(el('span', (view.phase === 'ROLLBACK' ? '↩ ' : '') + view.stepId + ' (' + view.kind + ') '
            + view.state + (view.outcome ? ': ' + view.outcome : '')));
        if (view.evidence && Object.keys(view.evidence).length) {
            const details = el('details');
            details.appendChild(el('summary', 'evidence'));
            details.appendChild(el('pre', JSON.stringify(view.evidence, null, 2), {'class': 'evidence', 'data-testid': 'evidence'}));
            item.appendChild(details);
        }
        return item;
    }

    function decisions(run, box) {
        const current = run.current;
        const reason = el('input', null, {'data-testid': 'decision-reason', placeholder: 'reason (required)', maxlength: '500'});
        const waitsForApproval = current && current.kind === 'approval' && current.state === 'WAITING';
        if (waitsForApproval) {
            box.appendChild(el('p', current.outcome, {'data-testid': 'approval-prompt'}));
        }
        box.appendChild(reason);
        const button = (label, testid, action) => {
            const b = el('button', label, {'data-testid': testid, type: 'button'});
            b.addEventListener('click', action);
            box.appendChild(b);
        };
        if (waitsForApproval) {
            button('Approve', 'approve', () => post('/runs/' + run.id + '/approvals',
                {decision: 'APPROVE', reason: reason.value}, 'Approved ' + current.stepId + ' of ' + run.runbook));
            button('Reject', 'reject', () => post('/runs/' + run.id + '/approvals',
                {decision: 'REJECT', reason: reason.value}, 'Rejected ' + current.stepId + ' of ' + run.runbook));
        }
        button('Abort', 'abort', () => post('/runs/' + run.id + '/abort', {reason: reason.value},
            'Abort of ' + run.runbook + ' requested: it rolls back'));
    }

    function render(run, container) {
        let box = container.querySelector('[data-run="' + run.id + '"]');
        const fresh = !box;
        if (fresh) {
            box = el('div', null, {'class': 'run', 'data-testid': 'run', 'data-run': run.id});
            container.appendChild(box);
        }
        if (box.dataset.version === String(run.version)) return;
        // keep a reason being typed across refreshes
        const typing = box.querySelector('[data-testid=decision-reason]');
        const typed = typing ? typing.value : '';
        box.dataset.version = run.version;
        box.dataset.state = run.state;
        box.textContent = '';
        box.appendChild(el('h3', run.runbook + ' — ', {}));
        box.firstChild.appendChild(el('span', run.state, {'data-testid': 'run-state', 'class': 'state-' + run.state}));
        box.appendChild(el('p', 'started by ' + run.startedBy + ' at ' + run.startedAt + ' (' + run.source + ')'
            + (run.endedAt ? ', ended ' + run.endedAt : '')));
        if (run.failure) box.appendChild(el('p', 'Why: ' + run.failure, {'class': 'error', 'data-testid': 'run-failure'}));
        const timeline = el('ol', null, {'data-testid': 'timeline'});
        run.steps.forEach(v => timeline.appendChild(step(v)));
        const started = new Set(run.steps.filter(v => v.phase === 'FORWARD').map(v => v.stepId));
        run.plan.filter(p => !started.has(p.stepId)).forEach(p =>
            timeline.appendChild(el('li', p.stepId + ' (' + p.kind + ') — ahead: ' + p.summary, {'class': 'ahead'})));
        box.appendChild(timeline);
        if (s.operator && run.state === 'RUNNING') {
            const actions = el('div', null, {'data-testid': 'run-actions'});
            decisions(run, actions);
            box.appendChild(actions);
            const reason = actions.querySelector('[data-testid=decision-reason]');
            reason.value = typed;
        }
    }

    async function loadRunbooks() {
        if (runbooksLoaded || !s.operator) return;
        const runbooks = await s.api('/runbooks');
        const form = el('form', null, {'data-testid': 'start-run'});
        const select = el('select', null, {'data-testid': 'runbook-select'});
        runbooks.filter(r => r.errors.length === 0).forEach(r => select.add(new Option(r.file + ' — ' + r.description, r.file)));
        form.appendChild(select);
        form.appendChild(el('button', 'Start run', {type: 'submit', 'data-testid': 'start'}));
        form.addEventListener('submit', event => {
            event.preventDefault();
            post('/runs', {runbook: select.value}, 'Started ' + select.value);
        });
        $('#runs').insertBefore(form, $('[data-testid=runs]'));
        runbooksLoaded = true;
    }

    window.stranglerRuns = async function () {
        await loadRunbooks();
        const runs = await s.api('/runs');
        const container = $('[data-testid=runs]');
        const shown = runs.slice(0, SHOWN_RUNS);
        [...container.children].forEach(child => {
            if (!shown.some(r => r.id === child.dataset.run)) child.remove();
        });
        shown.forEach(run => render(run, container));
        // newest first
        shown.forEach(run => container.appendChild(container.querySelector('[data-run="' + run.id + '"]')));
    };
})();
