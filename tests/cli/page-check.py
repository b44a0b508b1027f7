#!/usr/bin/env python3
# For t0210, t0235 and t0236: opens pages in ONE headless Chromium, in
# one tab, over its DevTools pipe (starting Chromium, and a renderer for
# each new tab, was most of the time a page took) and
# writes, for each page, a report to a file: one a line, every request
# other than the page itself ("request URL"), every console message, log
# entry and exception ("console ...", "log LEVEL ...", "exception ..."),
# what does not fit the viewport ("layout ..." lines, below), then
# "loaded" once the load event came.  It waits for Chromium's own
# "networkIdle" (no request for 500 ms) too, as a refused image is
# reported after the load event.
#
# Usage: page-check.py CHROMIUM JOBS
# JOBS is a file, one page a line: "OUT URL WIDTH HEIGHT [PNG [PRINTOUT]]".
#   OUT	the file the page's report goes to
#   PNG	a screenshot as wide as the page is (so a page wider than
#	WIDTH makes a wider PNG), as tall as the screen, or as the whole
#	page when PL_REPORT_PNG_DIR is set (for a person to look at);
#	"-" for none
#   PRINTOUT	then print the page to PDF on A4 and on Letter and say in
#	this file, for each, "print A4 ok" when it made pages and
#	nothing in print media is wider than the paper's printable
#	width, else what is wrong ("print A4: 2 <details> folded" when
#	what a <details> folds would not be on paper); then "loaded"
#
# The layout lines:
#   layout wide WHAT: R > W	an element that reaches past the viewport's
#			right edge (or its left), not inside a box that
#			scrolls (overflow-x auto or scroll)
#   layout cell WHAT		a table's cell that is not wholly on screen
#			at the page's width, even in a box that scrolls:
#			a reader must not scroll to see any column
#   layout duplicate WHAT	a heading (h1-h6) said twice in the same
#			section or card, or a figure's caption twice in
#			the page
#   layout cut WHAT		a label shortened with "..." whose full text
#			is not in a title (an SVG <title> of it or of the
#			group around it, a title attribute, or what
#			the <details> whose summary it is folds)
# WHAT names the element (tag, class, the start of its text).
#
# JOBS.sizes gets a line for each page that loaded: "OUT WIDTH height H
# scroll S", H the document's height in CSS px and S how far it scrolls
# sideways (0 when nothing is wider than the screen).
import base64, json, os, subprocess, sys, time

chromium, jobs_file = sys.argv[1], sys.argv[2]
jobs = [l.split() for l in open(jobs_file) if l.strip()]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()

def child():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)

proc = subprocess.Popen([chromium, '--headless', '--no-sandbox', '--disable-gpu',
    '--hide-scrollbars', '--remote-debugging-pipe', '--no-first-run',
    '--no-default-browser-check',
    '--user-data-dir=' + os.environ['HOME'] + '/chromium-profile', 'about:blank'],
    preexec_fn=child, pass_fds=(3, 4), stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
rd = os.fdopen(from_chrome_r, 'rb')
buf = b''
ids = 0

def send(method, params=None, session=None):
    global ids
    ids += 1
    m = {'id': ids, 'method': method, 'params': params or {}}
    if session:
        m['sessionId'] = session
    os.write(to_chrome_w, json.dumps(m).encode() + b'\0')
    return ids

def messages():
    global buf
    while True:
        while b'\0' in buf:
            m, buf = buf.split(b'\0', 1)
            yield json.loads(m)
        chunk = os.read(rd.fileno(), 65536)
        if not chunk:
            return
        buf += chunk

events = []
it = messages()

def call(method, params=None, session=None):
    i = send(method, params, session)
    for m in it:
        if m.get('id') == i:
            if 'error' in m:
                sys.exit('cdp: %s: %s' % (method, m['error']))
            return m.get('result', {})
        events.append(m)
    sys.exit('cdp: chromium went away')

def evaluate(expr, session):
    r = call('Runtime.evaluate', {'expression': expr, 'returnByValue': True},
        session)
    if 'exceptionDetails' in r:
        sys.exit('page-check: %s' % r['exceptionDetails'])
    return r['result']['value']

# The layout checks, in the page: a list of "layout ..." lines.
# W is the screen's width: a page without a viewport <meta> is laid out
# 980 px wide on a phone, and does not fit it.
LAYOUT = r'''(W => {
  const out = [];
  const what = e => {
    let s = e.tagName.toLowerCase();
    if (e.classList.length) s += '.' + [...e.classList].join('.');
    const t = (e.textContent || '').replace(/\s+/g, ' ').trim();
    return t ? s + ' "' + t.slice(0, 40) + '"' : s;
  };
  const hidden = e => e.closest('.sr') || e.getClientRects().length == 0;
  const scrolls = e => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o == 'auto' || o == 'scroll') return true;
    }
    return false;
  };
  const all = [...document.body.querySelectorAll('*')];
  const wide = new Set();
  for (const e of all) {
    if (hidden(e) || scrolls(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width == 0 || (r.right <= W + 0.5 && r.left >= -0.5)) continue;
    if (e.parentElement && wide.has(e.parentElement)) { wide.add(e); continue; }
    wide.add(e);
    out.push('layout wide ' + what(e) + ': ' + Math.round(r.right) + ' > ' + W);
  }
  for (const c of document.querySelectorAll('td, th')) {
    if (hidden(c)) continue;
    const r = c.getBoundingClientRect();
    if (r.left < -0.5 || r.right > W + 0.5)
      out.push('layout cell ' + what(c) + ': ' + Math.round(r.left) + '..' +
        Math.round(r.right) + ' of ' + W);
  }
  const seen = new Map();
  for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6,figcaption')) {
    if (hidden(h)) continue;
    const scope = h.tagName == 'FIGCAPTION' ? document.body :
      h.parentElement.closest('section, article') || document.body;
    const t = h.textContent.replace(/\s+/g, ' ').trim();
    if (!seen.has(scope)) seen.set(scope, new Set());
    if (seen.get(scope).has(t)) out.push('layout duplicate ' + what(h));
    seen.get(scope).add(t);
  }
  const titles = e => {
    let s = e.getAttribute('title') || '';
    for (let a = e; a; a = a.parentElement) {
      s += ' ' + (a.getAttribute('title') || '');
      for (const t of a.children) {
        if (t.tagName.toLowerCase() == 'title') s += ' ' + t.textContent;
        // a <details>' summary cut short: the whole is what it folds
        if (a.tagName.toLowerCase() == 'details' &&
            t.tagName.toLowerCase() != 'summary') s += ' ' + t.textContent;
      }
      if (a.tagName.toLowerCase() == 'svg') break;
    }
    return s;
  };
  for (const e of all) {
    if (hidden(e)) continue;
    const t = [...e.childNodes].filter(n => n.nodeType == 3)
      .map(n => n.data).join('').trim();
    if (!t.startsWith('\u2026') && !t.endsWith('\u2026')) continue;
    const part = t.replace(/^\u2026|\u2026$/g, '');
    const full = titles(e);
    if (!full.includes(part) || full.replace(part, '').trim() == '')
      out.push('layout cut ' + what(e));
  }
  return out;
})(%d)'''


# One tab for every page: a new one started a renderer each time.
TAB = None

sizes = []

def check(out_name, url, width, height, shot, printout):
    out, state = [], {}

    def note(m):
        meth, p = m.get('method'), m.get('params', {})
        if m.get('sessionId') != s:
            return False
        if meth == 'Network.requestWillBeSent':
            u = p['request']['url']
            if u != url:
                out.append('request ' + u)
        elif meth == 'Runtime.consoleAPICalled':
            out.append('console ' + ' '.join(str(a.get('value',
                a.get('description', ''))) for a in p['args']))
        elif meth == 'Log.entryAdded':
            e = p['entry']
            out.append('log %s %s' % (e['level'], e['text']))
        elif meth == 'Runtime.exceptionThrown':
            out.append('exception ' + p['exceptionDetails'].get('text', ''))
        elif meth == 'Network.loadingFailed':
            out.append('failed %s' % p.get('errorText'))
        elif meth == 'Page.loadEventFired':
            state['loaded'] = True
        elif meth == 'Page.lifecycleEvent' and p['name'] == 'networkIdle' \
                and p.get('loaderId') == state.get('loader'):
            state['idle'] = True
        return state.get('loaded') and state.get('idle')

    global TAB
    if TAB is None:
        target = call('Target.createTarget', {'url': 'about:blank'})['targetId']
        s = call('Target.attachToTarget', {'targetId': target,
            'flatten': True})['sessionId']
        for d in ('Network', 'Page', 'Runtime', 'Log'):
            call(d + '.enable', None, s)
        TAB = (target, s)
    target, s = TAB
    call('Emulation.setEmulatedMedia', {'media': ''}, s)
    call('Emulation.setDeviceMetricsOverride', {'width': width,
        'height': height, 'deviceScaleFactor': 1, 'mobile': width < 600}, s)
    call('Page.setLifecycleEventsEnabled', {'enabled': True}, s)
    events.clear()
    state['loader'] = call('Page.navigate', {'url': url}, s).get('loaderId')
    loaded = False
    for m in events:
        loaded = note(m) or loaded
    events.clear()
    deadline = time.time() + 30
    while not loaded and time.time() < deadline:
        m = next(it, None)
        if m is None:
            break
        loaded = note(m) or loaded
    # What arrives just after the load event (late console messages).
    call('Runtime.evaluate', {'expression': '1'}, s)
    for m in events:
        note(m)
    events.clear()
    loaded = state.get('loaded')
    if loaded:
        out.extend(evaluate(LAYOUT % width, s))
        w, h = evaluate('[document.documentElement.scrollWidth, '
            'document.documentElement.scrollHeight]', s)
        sizes.append('%s %d height %d scroll %d' % (out_name, width, h,
            max(0, w - width)))
    if loaded and shot:
        if not os.environ.get('PL_REPORT_PNG_DIR'):
            h = min(h, height)
        png = call('Page.captureScreenshot', {'format': 'png',
            'captureBeyondViewport': True, 'clip': {'x': 0, 'y': 0,
            'width': w, 'height': h, 'scale': 1}}, s)['data']
        open(shot, 'wb').write(base64.b64decode(png))
    if loaded:
        out.append('loaded')
    if printout:
        write(printout, print_page(s) if loaded else [])
    return out

# Paper in inches; the printable width at 96 px an inch, less 2 x 15 mm.
papers = (('A4', 8.27, 11.69), ('Letter', 8.5, 11.0))

def print_page(s):
    out = []
    call('Emulation.setEmulatedMedia', {'media': 'print'}, s)
    for name, w, h in papers:
        px = int(w * 96 - 2 * 15 / 25.4 * 96)
        call('Emulation.setDeviceMetricsOverride', {'width': px,
            'height': int(h * 96), 'deviceScaleFactor': 1,
            'mobile': False}, s)
        wide = evaluate('document.documentElement.scrollWidth', s)
        pdf = base64.b64decode(call('Page.printToPDF', {'paperWidth': w,
            'paperHeight': h, 'marginTop': 0.6, 'marginBottom': 0.6,
            'marginLeft': 0.6, 'marginRight': 0.6}, s)['data'])
        pages = pdf.count(b'/Type /Page') - pdf.count(b'/Type /Pages')
        # what a <details> folds is on paper too
        folded = evaluate('[...document.querySelectorAll("details")].filter('
            'd => d.children.length + d.childNodes.length > 1 && '
            'd.getBoundingClientRect().height <= '
            'd.querySelector("summary").getBoundingClientRect().height + 1)'
            '.length', s)
        if folded:
            out.append('print %s: %d <details> folded' % (name, folded))
        if pdf[:5] == b'%PDF-' and pages > 0 and wide <= px:
            out.append('print %s ok' % name)
        else:
            out.append('print %s: %d pages, %d px wide of %d' % (name,
                pages, wide, px))
    out.append('loaded')
    return out

def write(name, lines):
    with open(name, 'w') as f:
        f.writelines(l + '\n' for l in lines)

for job in jobs:
    shot = job[4] if len(job) > 4 and job[4] != '-' else None
    write(job[0], check(job[0], job[1], int(job[2]), int(job[3]), shot,
        job[5] if len(job) > 5 else None))
write(jobs_file + '.sizes', sizes)
try:
    call('Browser.close')
except SystemExit:
    pass
proc.wait(timeout=10)
