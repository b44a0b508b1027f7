#!/usr/bin/env python3
# For t0210: opens a page in headless Chromium over the DevTools pipe and prints,
# one a line, every request other than the page itself ("request URL"),
# every console message, log entry and exception ("console ...",
# "log LEVEL ...", "exception ..."), then "loaded" once the load event
# came.  It waits for Chromium's own "networkIdle" (no request for
# 500 ms) too, as a refused image is reported after the load event.
# With PRINT for the last argument it then prints the page to PDF on A4
# and on Letter and says, for each, "print A4 ok" when it made pages
# and nothing in print media is wider than the paper's printable width,
# else what is wrong.
# Usage: page-check.py CHROMIUM URL WIDTH HEIGHT [SCREENSHOT.png | PRINT]
import base64, json, os, subprocess, sys, time

chromium, url, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
shot = sys.argv[5] if len(sys.argv) > 5 else None
printing = shot == 'PRINT'
if printing:
    shot = None
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()

def child():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)

proc = subprocess.Popen([chromium, '--headless', '--no-sandbox', '--disable-gpu',
    '--remote-debugging-pipe', '--no-first-run', '--no-default-browser-check',
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

out = []
state = {}
def note(m):
    meth, p = m.get('method'), m.get('params', {})
    if meth == 'Network.requestWillBeSent':
        u = p['request']['url']
        if u != url:
            out.append('request ' + u)
    elif meth == 'Runtime.consoleAPICalled':
        out.append('console ' + ' '.join(str(a.get('value', a.get('description', ''))) for a in p['args']))
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

target = call('Target.createTarget', {'url': 'about:blank'})['targetId']
s = call('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
for d in ('Network', 'Page', 'Runtime', 'Log'):
    call(d + '.enable', None, s)
call('Emulation.setDeviceMetricsOverride', {'width': width, 'height': height,
    'deviceScaleFactor': 1, 'mobile': width < 600}, s)
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
loaded = state.get('loaded')
if loaded and shot:
    png = call('Page.captureScreenshot', {'format': 'png'}, s)['data']
    open(shot, 'wb').write(base64.b64decode(png))
# Paper in inches; the printable width at 96 px an inch, less 2 x 15 mm.
papers = (('A4', 8.27, 11.69), ('Letter', 8.5, 11.0))
if loaded and printing:
    call('Emulation.setEmulatedMedia', {'media': 'print'}, s)
    for name, w, h in papers:
        px = int(w * 96 - 2 * 15 / 25.4 * 96)
        call('Emulation.setDeviceMetricsOverride', {'width': px,
            'height': int(h * 96), 'deviceScaleFactor': 1, 'mobile': False}, s)
        wide = call('Runtime.evaluate', {'expression':
            'document.documentElement.scrollWidth', 'returnByValue': True},
            s)['result']['value']
        pdf = base64.b64decode(call('Page.printToPDF', {'paperWidth': w,
            'paperHeight': h, 'marginTop': 0.6, 'marginBottom': 0.6,
            'marginLeft': 0.6, 'marginRight': 0.6}, s)['data'])
        pages = pdf.count(b'/Type /Page') - pdf.count(b'/Type /Pages')
        if pdf[:5] == b'%PDF-' and pages > 0 and wide <= px:
            out.append('print %s ok' % name)
        else:
            out.append('print %s: %d pages, %d px wide of %d' % (name,
                pages, wide, px))
for l in out:
    print(l)
if loaded:
    print('loaded')
try:
    call('Browser.close')
except SystemExit:
    pass
proc.wait(timeout=10)
