#!/usr/bin/env python3
# For t0209: how tall and how wide pages are in headless Chromium, one
# browser for them all.  For each page and each width, prints
# "NAME WIDTH height H scroll S": H the document's height in CSS px, S
# how far it scrolls sideways (0 when nothing is wider than the screen),
# and saves the whole page, top to bottom, as NAME-WIDTH.png.
# Usage: page-height.py CHROMIUM WIDTHS PAGE.html...  (WIDTHS: "390,1280")
import base64, json, os, subprocess, sys, time

chromium, widths, pages = sys.argv[1], sys.argv[2].split(','), sys.argv[3:]
to_r, to_w = os.pipe()
from_r, from_w = os.pipe()


def child():
    os.dup2(to_r, 3)
    os.dup2(from_w, 4)


proc = subprocess.Popen([chromium, '--headless', '--no-sandbox',
    '--disable-gpu', '--hide-scrollbars', '--remote-debugging-pipe',
    '--no-first-run', '--user-data-dir=' + os.environ['HOME'] +
    '/chromium-height', 'about:blank'], preexec_fn=child, pass_fds=(3, 4),
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_r)
os.close(from_w)
buf, ids, events = b'', 0, []


def messages():
    global buf
    while True:
        while b'\0' in buf:
            m, buf = buf.split(b'\0', 1)
            yield json.loads(m)
        chunk = os.read(from_r, 65536)
        if not chunk:
            return
        buf += chunk


it = messages()


def call(method, params=None, session=None):
    global ids
    ids += 1
    m = {'id': ids, 'method': method, 'params': params or {}}
    if session:
        m['sessionId'] = session
    os.write(to_w, json.dumps(m).encode() + b'\0')
    for m in it:
        if m.get('id') == ids:
            if 'error' in m:
                sys.exit('cdp: %s: %s' % (method, m['error']))
            return m.get('result', {})
        events.append(m)
    sys.exit('cdp: chromium went away')


def value(expr, s):
    return call('Runtime.evaluate', {'expression': expr,
        'returnByValue': True}, s)['result']['value']


target = call('Target.createTarget', {'url': 'about:blank'})['targetId']
s = call('Target.attachToTarget', {'targetId': target,
    'flatten': True})['sessionId']
call('Page.enable', None, s)
for page in pages:
    name = os.path.splitext(os.path.basename(page))[0]
    for w in map(int, widths):
        call('Emulation.setDeviceMetricsOverride', {'width': w,
            'height': 900, 'deviceScaleFactor': 1, 'mobile': w < 600}, s)
        events.clear()
        call('Page.navigate', {'url': 'file://' + os.path.abspath(page)}, s)
        deadline = time.time() + 30
        while time.time() < deadline and not any(
                e.get('method') == 'Page.loadEventFired' for e in events):
            events.append(next(it))
        h = value('document.documentElement.scrollHeight', s)
        sw = value('document.documentElement.scrollWidth', s)
        shot = call('Page.captureScreenshot', {'format': 'png',
            'captureBeyondViewport': True, 'clip': {'x': 0, 'y': 0,
            'width': w, 'height': h, 'scale': 1}}, s)['data']
        with open('%s-%d.png' % (name, w), 'wb') as f:
            f.write(base64.b64decode(shot))
        print('%s %d height %d scroll %d' % (name, w, h, max(0, sw - w)))
try:
    call('Browser.close')
except SystemExit:
    pass
proc.wait(timeout=10)
