"""Load the demo: accounts, articles with generated pictures, introductions and proposals.

Runs after ``import_units`` and ``provision_sites``. Every step looks for what it would
create first, so a second run keeps the existing data and adds nothing.
"""

import hashlib
import math
import random
from datetime import datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from portal.core.demo import content
from portal.core.text import nfc
from portal.editorial.constants import Role
from portal.editorial.models import SiteRole
from portal.editorial.services import role_grant
from portal.pages.models import ArticlePage, StandardPage
from portal.syndication.models import Proposal
from portal.syndication.services import proposal_create, proposal_decide
from portal.units.models import Unit
from portal.units.services import unit_main

PASSWORD = "QuangBinh@2026"
OPERATOR_USERNAME = "vanhanh"
EMAIL_DOMAIN = "demo.quangbinh.gov.vn"
NEWS_SLUG = "tin-tuc-su-kien"
ABOUT_SLUG = "gioi-thieu"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

ROLE_SUFFIXES = {
    Role.BOARD_HEAD: "truongban",
    Role.EDITOR: "bientapvien",
    Role.CONTRIBUTOR: "congtacvien",
    Role.SITE_ADMIN: "quantri",
    Role.ONE_STOP: "motcua",
}

COUNTERS = (
    "users_created",
    "roles_granted",
    "units_updated",
    "homes_updated",
    "pages_created",
    "articles_created",
    "images_created",
    "proposals_created",
    "proposals_accepted",
    "proposals_declined",
    "mandatory_items_created",
)


class SeedError(Exception):
    """The database is not ready for the demo (units or sites are missing)."""


# --------------------------------------------------------------------------- pictures

WIDTH, HEIGHT = 1200, 675


def _jitter(color, rng, amount=14):
    # Small per-article shifts keep pictures of the same scene from looking identical.
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in color)


def _gradient(size, top, bottom):
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask)


def _sky(img, rng, top, bottom, horizon):
    img.paste(_gradient((WIDTH, horizon), _jitter(top, rng), _jitter(bottom, rng)), (0, 0))


def _sun(draw, rng, color=(255, 214, 102), y_range=(70, 170), radius=55):
    x, y = rng.randint(150, WIDTH - 150), rng.randint(*y_range)
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=color)


def _clouds(draw, rng, color=(250, 250, 252), count=3, y_range=(40, 200)):
    for _ in range(count):
        x, y = rng.randint(0, WIDTH), rng.randint(*y_range)
        for dx, dy, r in ((0, 0, 34), (40, -14, 42), (85, 0, 32)):
            draw.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), fill=color)


def _hills(draw, rng, base, amplitude, color, waves=2.0):
    phase = rng.uniform(0, math.tau)
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + 20, 20):
        y = base - amplitude * (0.6 + 0.4 * math.sin(x / WIDTH * math.tau * waves + phase))
        points.append((x, y))
    points.append((WIDTH, HEIGHT))
    draw.polygon(points, fill=color)


def _boat(draw, x, y, scale=1.0, hull=(30, 90, 170), cabin=(245, 245, 240), flag=(218, 37, 29)):
    s = scale
    draw.polygon([(x - 90 * s, y), (x + 95 * s, y), (x + 65 * s, y + 34 * s), (x - 62 * s, y + 34 * s)], fill=hull)
    draw.rectangle((x - 30 * s, y - 36 * s, x + 25 * s, y), fill=cabin)
    draw.line((x + 45 * s, y, x + 45 * s, y - 90 * s), fill=(60, 50, 40), width=max(2, int(4 * s)))
    draw.rectangle((x + 47 * s, y - 90 * s, x + 80 * s, y - 70 * s), fill=flag)


def _rain(draw, rng, color, count=260, bottom=HEIGHT):
    for _ in range(count):
        x, y = rng.randint(-50, WIDTH), rng.randint(0, bottom)
        draw.line((x, y, x + 10, y + 28), fill=color, width=2)


def _house(draw, x, base, w, h, wall, roof):
    draw.rectangle((x, base - h, x + w, base), fill=wall)
    draw.polygon([(x - 10, base - h), (x + w / 2, base - h - h * 0.6), (x + w + 10, base - h)], fill=roof)
    draw.rectangle((x + w * 0.4, base - h * 0.55, x + w * 0.6, base), fill=(120, 80, 50))


def _tree(draw, x, base, size, leaves=(46, 125, 50)):
    draw.rectangle((x - size * 0.08, base - size, x + size * 0.08, base), fill=(110, 76, 50))
    draw.ellipse((x - size * 0.45, base - size * 1.5, x + size * 0.45, base - size * 0.6), fill=leaves)


def _star(draw, cx, cy, r, color):
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=color)


def _scene_sea(img, draw, rng):
    _sky(img, rng, (92, 170, 230), (200, 232, 250), 300)
    _sun(draw, rng, y_range=(80, 160))
    _clouds(draw, rng, count=2, y_range=(40, 120))
    img.paste(_gradient((WIDTH, 230), _jitter((30, 120, 190), rng), _jitter((60, 170, 200), rng)), (0, 300))
    for _ in range(40):
        x, y = rng.randint(-40, WIDTH), rng.randint(315, 510)
        draw.arc((x, y, x + rng.randint(60, 140), y + 16), 200, 340, fill=(215, 240, 250), width=3)
    draw.polygon([(0, 540), (WIDTH, 500), (WIDTH, HEIGHT), (0, HEIGHT)], fill=_jitter((236, 214, 160), rng))
    draw.polygon([(0, 540), (WIDTH, 500), (WIDTH, 515), (0, 560)], fill=(214, 190, 140))
    _boat(draw, rng.randint(250, 950), rng.randint(400, 440), scale=rng.uniform(0.9, 1.2))
    for _ in range(4):
        x, y = rng.randint(100, WIDTH - 100), rng.randint(60, 220)
        draw.line((x - 14, y - 6, x, y, x + 14, y - 6), fill=(50, 60, 80), width=3)


def _scene_harbor(img, draw, rng):
    _sky(img, rng, (55, 62, 78), (120, 128, 140), 320)
    _clouds(draw, rng, color=(85, 92, 105), count=5, y_range=(30, 220))
    img.paste(_gradient((WIDTH, HEIGHT - 320), _jitter((70, 95, 110), rng), _jitter((40, 60, 75), rng)), (0, 320))
    draw.polygon([(0, 320), (WIDTH, 300), (WIDTH, 330), (0, 345)], fill=(60, 80, 60))
    for row, (y, scale) in enumerate(((385, 0.7), (470, 0.95), (575, 1.2))):
        x = rng.randint(40, 120) + row * 30
        while x < WIDTH - 60:
            hull = rng.choice([(30, 90, 170), (180, 40, 40), (30, 120, 110), (40, 70, 140)])
            _boat(draw, x, y, scale=scale, hull=hull)
            x += int(rng.randint(210, 260) * scale)
    _rain(draw, rng, (175, 185, 200), count=380)


def _scene_karst(img, draw, rng):
    _sky(img, rng, (120, 180, 220), (225, 235, 225), 470)
    _clouds(draw, rng, count=3, y_range=(50, 170))
    for layer, (base, color) in enumerate(((430, (120, 160, 140)), (470, (40, 100, 70)))):
        x = -80
        while x < WIDTH + 80:
            w, h = rng.randint(170, 280), rng.randint(230, 360) - layer * 40
            draw.ellipse((x, base - h, x + w, base + h * 0.7), fill=_jitter(color, rng, 8))
            x += int(w * rng.uniform(0.55, 0.8))
    cave_x = rng.randint(300, 800)
    draw.ellipse((cave_x, 395, cave_x + 150, 545), fill=(25, 30, 28))
    img.paste(_gradient((WIDTH, HEIGHT - 470), _jitter((50, 140, 140), rng), _jitter((20, 90, 100), rng)), (0, 470))
    for _ in range(30):
        x, y = rng.randint(0, WIDTH), rng.randint(485, HEIGHT - 10)
        draw.line((x, y, x + rng.randint(30, 90), y), fill=(140, 205, 200), width=2)
    bx, by = rng.randint(200, 1000), rng.randint(560, 600)
    draw.polygon([(bx - 80, by), (bx + 80, by), (bx + 60, by + 16), (bx - 60, by + 16)], fill=(110, 60, 30))
    draw.ellipse((bx - 10, by - 28, bx + 10, by - 8), fill=(240, 200, 60))


def _scene_highland(img, draw, rng):
    _sky(img, rng, (110, 175, 225), (215, 235, 245), 420)
    _clouds(draw, rng, count=3)
    _hills(draw, rng, 330, 90, _jitter((90, 150, 110), rng), waves=1.5)
    _hills(draw, rng, 470, 80, _jitter((50, 120, 70), rng), waves=2.2)
    tx, top, base = rng.randint(700, 950), 90, 300
    for side in (-1, 1):
        draw.line((tx, top, tx + side * 45, base), fill=(90, 90, 100), width=5)
    for i in range(1, 7):
        y = top + (base - top) * i / 7
        half = 45 * i / 7
        draw.line((tx - half, y, tx + half, y), fill=(120, 120, 130), width=3)
    draw.rectangle((tx - 6, top - 20, tx + 6, top), fill=(220, 50, 40))
    for r in (40, 70, 100):
        draw.arc((tx - r, top - r, tx + r, top + r), 200, 340, fill=(255, 255, 255), width=4)
    for x in range(60, 620, rng.randint(140, 180)):
        base_y = rng.randint(560, 600)
        for post in (x + 8, x + 62, x + 116):
            draw.line((post, base_y - 40, post, base_y + 20), fill=(90, 60, 40), width=6)
        draw.rectangle((x, base_y - 95, x + 125, base_y - 40), fill=(170, 120, 70))
        draw.polygon([(x - 20, base_y - 95), (x + 62, base_y - 150), (x + 145, base_y - 95)], fill=(120, 90, 60))


def _scene_fields(img, draw, rng):
    _sky(img, rng, (120, 185, 235), (220, 238, 250), 360)
    _sun(draw, rng)
    _hills(draw, rng, 360, 50, _jitter((100, 150, 120), rng), waves=1.2)
    vanish = (WIDTH / 2 + rng.randint(-200, 200), 340)
    greens = [_jitter((120, 190, 60), rng), _jitter((80, 160, 50), rng)]
    edges = list(range(-1200, 2400, 170))
    for i in range(len(edges) - 1):
        draw.polygon([vanish, (edges[i], HEIGHT), (edges[i + 1], HEIGHT)], fill=greens[i % 2])
    draw.rectangle((0, 330, WIDTH, 360), fill=_jitter((110, 170, 80), rng))
    for y in (390, 440, 510, 600):
        draw.line((0, y, WIDTH, y), fill=(150, 200, 110), width=3)
    hx = rng.choice([80, 880])
    _house(draw, hx, 400, 170, 80, (245, 230, 200), (190, 60, 40))
    for x in range(40, WIDTH, rng.randint(150, 230)):
        _tree(draw, x, 365, rng.randint(35, 55))


def _scene_village(img, draw, rng):
    _sky(img, rng, (110, 180, 235), (225, 240, 250), 380)
    _clouds(draw, rng, count=2, y_range=(50, 150))
    draw.rectangle((0, 380, WIDTH, HEIGHT), fill=_jitter((232, 215, 170), rng))
    vx = WIDTH / 2 + rng.randint(-60, 60)
    draw.polygon([(vx - 12, 380), (vx + 12, 380), (vx + 260, HEIGHT), (vx - 260, HEIGHT)], fill=(185, 185, 180))
    # Casuarinas on the horizon first, then houses from the farthest to the nearest.
    for _ in range(16):
        x = rng.choice([rng.randint(0, int(vx) - 120), rng.randint(int(vx) + 120, WIDTH)])
        h = rng.randint(110, 220)
        draw.polygon([(x, 390 - h), (x - 20, 392), (x + 20, 392)], fill=_jitter((40, 95, 60), rng))
    roofs = [(190, 60, 40), (170, 80, 50), (60, 90, 150), (200, 100, 50)]
    for step in reversed(range(5)):
        t = step / 5
        scale = 1.3 - t * 1.05
        base = HEIGHT - 40 - 260 * t
        half_road = 12 + 250 * (base - 380) / (HEIGHT - 380)
        for side in (-1, 1):
            w = 150 * scale
            x = vx + half_road + 40 * scale if side > 0 else vx - half_road - 40 * scale - w
            _house(draw, x, base, w, 90 * scale, (245, 235, 215), rng.choice(roofs))


def _scene_city(img, draw, rng):
    _sky(img, rng, (60, 50, 110), (250, 160, 90), 470)
    _sun(draw, rng, color=(255, 200, 120), y_range=(330, 400), radius=70)
    x = 0
    while x < WIDTH:
        w, h = rng.randint(60, 140), rng.randint(120, 370)
        color = _jitter((55, 60, 90), rng, 20)
        draw.rectangle((x, 470 - h, x + w, 470), fill=color)
        for wy in range(470 - h + 14, 460, 22):
            for wx in range(x + 8, x + w - 12, 18):
                if rng.random() < 0.55:
                    draw.rectangle((wx, wy, wx + 8, wy + 10), fill=(255, 220, 130))
        x += w + rng.randint(2, 12)
    img.paste(_gradient((WIDTH, HEIGHT - 470), _jitter((60, 70, 120), rng), _jitter((20, 30, 60), rng)), (0, 470))
    for _ in range(60):
        rx, ry = rng.randint(0, WIDTH), rng.randint(480, HEIGHT)
        draw.line((rx, ry, rx + rng.randint(10, 40), ry), fill=(250, 200, 120), width=2)
    draw.arc((150, 360, 1050, 560), 180, 360, fill=(235, 235, 240), width=10)
    draw.rectangle((100, 452, 1100, 464), fill=(220, 220, 225))
    for cx in range(230, 1000, 60):
        top = 460 - 100 * math.sqrt(max(0.0, 1 - ((cx - 600) / 450) ** 2))
        draw.line((cx, top, cx, 452), fill=(200, 200, 210), width=3)


def _scene_digital(img, draw, rng):
    img.paste(_gradient((WIDTH, HEIGHT), _jitter((10, 30, 70), rng), _jitter((10, 110, 130), rng)), (0, 0))
    for gx in range(30, WIDTH, 40):
        for gy in range(30, HEIGHT, 40):
            draw.point((gx, gy), fill=(60, 120, 160))
    nodes = [(rng.randint(20, WIDTH - 20), rng.randint(20, HEIGHT - 20)) for _ in range(24)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < 260:
                draw.line((a, b), fill=(70, 170, 200), width=2)
    for nx, ny in nodes:
        draw.ellipse((nx - 7, ny - 7, nx + 7, ny + 7), fill=(120, 230, 240))
    mx = rng.randint(220, 380)
    draw.rounded_rectangle((mx, 150, mx + 520, 470), radius=18, fill=(225, 232, 240))
    draw.rectangle((mx + 20, 170, mx + 500, 450), fill=(250, 252, 255))
    draw.rectangle((mx + 20, 170, mx + 500, 205), fill=_jitter((200, 40, 40), rng))
    for i in range(5):
        y = 225 + i * 40
        draw.rectangle((mx + 45, y, mx + 170, y + 12), fill=(150, 160, 175))
        draw.rounded_rectangle((mx + 190, y - 6, mx + 470, y + 20), radius=5, outline=(150, 160, 175), width=2)
    draw.rounded_rectangle((mx + 360, 420, mx + 470, 442), radius=6, fill=(30, 120, 200))
    draw.rectangle((mx + 235, 470, mx + 285, 520), fill=(190, 200, 210))
    draw.rectangle((mx + 180, 520, mx + 340, 535), fill=(190, 200, 210))
    px = mx + 600
    draw.rounded_rectangle((px, 230, px + 150, 520), radius=22, fill=(30, 35, 45))
    draw.rectangle((px + 12, 255, px + 138, 495), fill=(240, 245, 250))
    for row in range(4):
        for col in range(3):
            cx, cy = px + 22 + col * 40, 270 + row * 52
            draw.rounded_rectangle((cx, cy, cx + 28, cy + 28), radius=6, fill=rng.choice(
                [(218, 37, 29), (30, 120, 200), (40, 160, 90), (240, 170, 30)]
            ))


def _scene_security(img, draw, rng):
    _scene_digital_background(img, draw, rng)
    cx, cy = WIDTH / 2 - 120 + rng.randint(-40, 40), 340
    shield = [(cx, cy - 220), (cx + 170, cy - 160), (cx + 150, cy + 60), (cx, cy + 210), (cx - 150, cy + 60), (cx - 170, cy - 160)]
    draw.polygon(shield, fill=_jitter((40, 110, 200), rng), outline=(200, 230, 255), width=8)
    draw.rounded_rectangle((cx - 70, cy - 20, cx + 70, cy + 100), radius=14, fill=(245, 200, 60))
    draw.arc((cx - 50, cy - 100, cx + 50, cy + 10), 180, 360, fill=(245, 200, 60), width=18)
    draw.ellipse((cx - 14, cy + 20, cx + 14, cy + 48), fill=(60, 50, 30))
    draw.rectangle((cx - 6, cy + 40, cx + 6, cy + 75), fill=(60, 50, 30))
    tx, ty = cx + 380, 300
    draw.polygon([(tx, ty - 130), (tx + 150, ty + 130), (tx - 150, ty + 130)], fill=(250, 200, 40), outline=(40, 40, 40), width=6)
    draw.rectangle((tx - 10, ty - 50, tx + 10, ty + 60), fill=(30, 30, 30))
    draw.ellipse((tx - 13, ty + 78, tx + 13, ty + 104), fill=(30, 30, 30))


def _scene_digital_background(img, draw, rng):
    img.paste(_gradient((WIDTH, HEIGHT), _jitter((15, 25, 60), rng), _jitter((20, 70, 110), rng)), (0, 0))
    nodes = [(rng.randint(20, WIDTH - 20), rng.randint(20, HEIGHT - 20)) for _ in range(20)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            if math.dist(a, b) < 240:
                draw.line((a, b), fill=(50, 110, 160), width=2)


def _scene_flood(img, draw, rng):
    _sky(img, rng, (95, 100, 110), (160, 165, 170), 380)
    _clouds(draw, rng, color=(120, 124, 132), count=5, y_range=(30, 200))
    for i in range(5):
        x = 60 + i * 230 + rng.randint(-30, 30)
        _house(draw, x, 470 + rng.randint(-10, 20), 150, 110, (230, 220, 200), (180, 60, 45))
    for x in range(20, WIDTH, rng.randint(180, 260)):
        _tree(draw, x, 440, rng.randint(50, 70), leaves=(60, 110, 70))
    water = _gradient((WIDTH, HEIGHT - 420), _jitter((150, 115, 70), rng), _jitter((110, 80, 50), rng))
    img.paste(water, (0, 420))
    for _ in range(50):
        x, y = rng.randint(0, WIDTH), rng.randint(430, HEIGHT)
        draw.arc((x, y, x + rng.randint(40, 100), y + 12), 200, 340, fill=(185, 150, 105), width=3)
    bx, by = rng.randint(250, 900), rng.randint(540, 590)
    draw.polygon([(bx - 110, by), (bx + 110, by), (bx + 85, by + 38), (bx - 85, by + 38)], fill=(245, 120, 30))
    for i in range(4):
        hx = bx - 70 + i * 45
        draw.ellipse((hx - 13, by - 30, hx + 13, by - 4), fill=(250, 150, 40))
    _rain(draw, rng, (190, 195, 205), count=300)


def _scene_school(img, draw, rng):
    _sky(img, rng, (110, 180, 235), (220, 238, 250), 470)
    _clouds(draw, rng, count=3, y_range=(40, 140))
    draw.rectangle((0, 470, WIDTH, HEIGHT), fill=_jitter((215, 210, 200), rng))
    left, right = 120, 880
    draw.rectangle((left, 250, right, 470), fill=_jitter((245, 205, 90), rng))
    draw.polygon([(left - 30, 250), (right + 30, 250), (right - 20, 195), (left + 20, 195)], fill=(180, 55, 40))
    draw.line((left, 360, right, 360), fill=(200, 160, 70), width=6)
    for floor_top in (270, 380):
        for x in range(left + 30, right - 40, 70):
            draw.rectangle((x, floor_top, x + 40, floor_top + 55), fill=(90, 140, 190))
    draw.rectangle((470, 400, 530, 470), fill=(120, 80, 50))
    fx = rng.randint(950, 1050)
    draw.line((fx, 180, fx, 520), fill=(200, 200, 205), width=8)
    draw.rectangle((fx + 4, 180, fx + 124, 260), fill=(218, 37, 29))
    _star(draw, fx + 64, 220, 26, (255, 221, 0))
    for x in (60, 1140):
        _tree(draw, x, 520, 90)


def _scene_health(img, draw, rng):
    _sky(img, rng, (120, 190, 235), (225, 242, 250), 480)
    draw.rectangle((0, 480, WIDTH, HEIGHT), fill=_jitter((120, 180, 100), rng))
    draw.rectangle((0, 520, WIDTH, 600), fill=(180, 180, 185))
    left, right = 250, 950
    draw.rectangle((left, 180, right, 480), fill=(248, 248, 250))
    draw.rectangle((left, 165, right, 185), fill=_jitter((40, 120, 170), rng))
    for y in (210, 290, 370):
        for x in range(left + 30, right - 40, 80):
            draw.rectangle((x, y, x + 45, y + 50), fill=(150, 200, 230))
    cx, cy = (left + right) / 2, 120
    draw.rounded_rectangle((cx - 70, cy - 70, cx + 70, cy + 70), radius=12, fill=(255, 255, 255), outline=(200, 40, 40), width=4)
    draw.rectangle((cx - 16, cy - 52, cx + 16, cy + 52), fill=(218, 37, 29))
    draw.rectangle((cx - 52, cy - 16, cx + 52, cy + 16), fill=(218, 37, 29))
    draw.rectangle((cx - 50, 400, cx + 50, 480), fill=(120, 170, 200))
    ax = rng.randint(80, 700)
    draw.rectangle((ax, 500, ax + 300, 590), fill=(252, 252, 252), outline=(160, 160, 160), width=2)
    draw.rectangle((ax + 220, 470, ax + 300, 510), fill=(252, 252, 252))
    draw.rectangle((ax, 545, ax + 300, 560), fill=(218, 37, 29))
    draw.rectangle((ax + 235, 480, ax + 290, 505), fill=(150, 200, 230))
    for wx in (ax + 60, ax + 240):
        draw.ellipse((wx - 26, 565, wx + 26, 617), fill=(40, 40, 45))
    draw.rectangle((ax + 250, 460, ax + 270, 470), fill=(40, 110, 220))


def _scene_meeting(img, draw, rng):
    img.paste(_gradient((WIDTH, 420), _jitter((150, 20, 25), rng), _jitter((110, 10, 15), rng)), (0, 0))
    draw.rectangle((0, 40, WIDTH, 58), fill=(240, 200, 60))
    _star(draw, WIDTH / 2, 190, 70, (255, 215, 0))
    draw.rectangle((0, 420, WIDTH, HEIGHT), fill=_jitter((120, 85, 60), rng))
    px = rng.randint(180, 320)
    draw.polygon([(px, 300), (px + 130, 300), (px + 115, 440), (px + 15, 440)], fill=(130, 80, 45))
    for i, color in enumerate(((230, 60, 80), (250, 200, 60), (250, 140, 160), (240, 240, 230))):
        draw.ellipse((px + 10 + i * 28, 270, px + 45 + i * 28, 305), fill=color)
    draw.rectangle((WIDTH - 520, 330, WIDTH - 120, 380), fill=(245, 245, 240))
    for row, (y, inset) in enumerate(((470, 220), (540, 140), (615, 60))):
        draw.rectangle((inset, y, WIDTH - inset, y + 30), fill=(235, 240, 245))
        for x in range(inset + 30, WIDTH - inset - 20, 70 + row * 6):
            r = 14 + row * 3
            draw.ellipse((x - r, y - 2 * r, x + r, y), fill=_jitter((40, 35, 35), rng, 10))


def _scene_jars(img, draw, rng):
    _sky(img, rng, (100, 175, 235), (230, 240, 245), 330)
    _sun(draw, rng, y_range=(60, 120))
    draw.rectangle((0, 330, WIDTH, HEIGHT), fill=_jitter((225, 205, 165), rng))
    draw.rectangle((0, 250, WIDTH, 335), fill=(200, 185, 160))
    draw.polygon([(0, 250), (WIDTH, 250), (WIDTH - 40, 215), (40, 215)], fill=(150, 110, 70))
    for row, (y, size) in enumerate(((380, 50), (460, 70), (570, 95))):
        x = 40 + row * 20 + rng.randint(0, 30)
        while x < WIDTH - size:
            body = _jitter((120, 70, 40), rng, 12)
            draw.ellipse((x, y - size, x + size * 1.6, y + size * 0.9), fill=body)
            draw.ellipse((x + size * 0.15, y - size * 1.1, x + size * 1.45, y - size * 0.7), fill=(90, 60, 35))
            draw.ellipse((x + size * 0.3, y - size * 0.55, x + size * 0.55, y - size * 0.1), fill=(160, 110, 70))
            x += int(size * 1.9)


def _scene_road(img, draw, rng):
    _sky(img, rng, (115, 180, 235), (225, 238, 248), 330)
    _clouds(draw, rng, count=3, y_range=(40, 160))
    draw.rectangle((0, 330, WIDTH, HEIGHT), fill=_jitter((110, 170, 80), rng))
    vx = WIDTH / 2 + rng.randint(-80, 80)
    draw.polygon([(vx - 10, 330), (vx + 10, 330), (vx + 420, HEIGHT), (vx - 420, HEIGHT)], fill=(70, 72, 78))
    for i in range(8):
        t0, t1 = (i / 8) ** 1.6, ((i + 0.5) / 8) ** 1.6
        y0, y1 = 330 + (HEIGHT - 330) * t0, 330 + (HEIGHT - 330) * t1
        draw.polygon([(vx - 1 - 8 * t0, y0), (vx + 1 + 8 * t0, y0), (vx + 1 + 8 * t1, y1), (vx - 1 - 8 * t1, y1)], fill=(250, 250, 245))
    for side in (-1, 1):
        for i in range(6):
            t = (i + 1) / 7
            x = vx + side * (30 + 520 * t)
            _tree(draw, x, 330 + (HEIGHT - 330) * t, 30 + 110 * t)
    ex, ey = (vx + 330, 520) if rng.random() < 0.5 else (vx - 560, 520)
    draw.rectangle((ex, ey, ex + 170, ey + 50), fill=(240, 180, 20))
    draw.rectangle((ex + 100, ey - 60, ex + 165, ey), fill=(240, 180, 20))
    draw.rectangle((ex + 110, ey - 50, ex + 155, ey - 15), fill=(150, 200, 230))
    draw.line((ex + 20, ey, ex - 40, ey - 90, ex - 90, ey - 20), fill=(220, 160, 10), width=14)
    draw.polygon([(ex - 110, ey - 30), (ex - 70, ey - 30), (ex - 80, ey + 5)], fill=(90, 90, 90))
    draw.rounded_rectangle((ex - 5, ey + 45, ex + 180, ey + 75), radius=14, fill=(40, 40, 45))


SCENES = {
    "sea": _scene_sea,
    "harbor": _scene_harbor,
    "karst": _scene_karst,
    "highland": _scene_highland,
    "fields": _scene_fields,
    "village": _scene_village,
    "city": _scene_city,
    "digital": _scene_digital,
    "security": _scene_security,
    "flood": _scene_flood,
    "school": _scene_school,
    "health": _scene_health,
    "meeting": _scene_meeting,
    "jars": _scene_jars,
    "road": _scene_road,
}


def render_scene(scene: str, seed: str) -> bytes:
    """A 1200×675 JPEG of ``scene``; the same seed always gives the same picture."""
    rng = random.Random(seed)
    img = PILImage.new("RGB", (WIDTH, HEIGHT), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    SCENES[scene](img, draw, rng)
    buffer = BytesIO()
    img.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


# --------------------------------------------------------------------------- helpers


class _Out:
    def __init__(self, stdout):
        self.stdout = stdout

    def __call__(self, line: str = "") -> None:
        if self.stdout is not None:
            self.stdout.write(line + "\n")


def _html(blocks) -> str:
    parts = []
    for block in blocks:
        if block.startswith("## "):
            parts.append(f"<h2>{escape(nfc(block[3:]))}</h2>")
        else:
            parts.append(f"<p>{escape(nfc(block))}</p>")
    return "".join(parts)


def _published_at(days_ago: int, hhmm: str, now: datetime) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    day = now.astimezone(LOCAL_TZ).date() - timedelta(days=days_ago)
    return min(datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ), now)


def _site_label(unit: Unit) -> str:
    return f"{unit.display_name} ({unit.hostname})"


def _child(parent, slug: str):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page is not None else None


def _resolve_units(out) -> list[tuple[content.SiteContent, Unit]]:
    """Units for the content, in order; the four sites with accounts must exist."""
    main = unit_main()
    codes = [site.unit_code for site in content.SITES if site.unit_code]
    by_code = {u.code: u for u in Unit.objects.filter(code__in=codes).select_related("site")}
    resolved = []
    for site in content.SITES:
        unit = main if site.unit_code is None else by_code.get(site.unit_code)
        ready = unit is not None and unit.site_id is not None and hasattr(unit, "collection_link")
        if not ready:
            what = site.unit_code or "tỉnh (Trang chính)"
            if site.account_prefix:
                raise SeedError(
                    f"Chưa có đơn vị hoặc trang “{what}”. Hãy chạy “manage.py import_units --province 44” "
                    "và “manage.py provision_sites” trước khi nạp dữ liệu trình diễn."
                )
            out(f"  ! Bỏ qua đơn vị {what}: chưa có trong danh mục hoặc chưa được tạo trang.")
            continue
        resolved.append((site, unit))
    return resolved


# --------------------------------------------------------------------------- steps


def _ensure_operator(report, out):
    User = get_user_model()
    user = User.objects.filter(username=OPERATOR_USERNAME).first()
    if user is None:
        last, first = content.OPERATOR_NAME
        user = User.objects.create_superuser(
            username=OPERATOR_USERNAME,
            email=f"{OPERATOR_USERNAME}@{EMAIL_DOMAIN}",
            password=PASSWORD,
            first_name=nfc(first),
            last_name=nfc(last),
        )
        report["users_created"] += 1
        out(f"  + Tài khoản vận hành nền tảng {OPERATOR_USERNAME}")
    return user


def _ensure_accounts(site, unit, operator, report, out) -> dict[str, object]:
    """The four board accounts of one site; returns them by role."""
    User = get_user_model()
    names = content.ACCOUNT_NAMES[site.account_prefix]
    users = {}
    for role, suffix in ROLE_SUFFIXES.items():
        username = f"{site.account_prefix}.{suffix}"
        user = User.objects.filter(username=username).first()
        if user is None:
            last, first = names[suffix]
            # Set the password only on creation so a changed password survives a re-run.
            user = User.objects.create_user(
                username=username,
                email=f"{username}@{EMAIL_DOMAIN}",
                password=PASSWORD,
                first_name=nfc(first),
                last_name=nfc(last),
            )
            report["users_created"] += 1
            out(f"  + Tài khoản {username} ({Role(role).label}, {unit.display_name})")
        has_role = SiteRole.objects.filter(unit=unit, role=role, group__user=user).exists()
        if not has_role:
            role_grant(user=user, unit=unit, role=role, actor=operator)
            report["roles_granted"] += 1
        users[role] = user
    return users


def _fill_main_contact(unit, report, out) -> None:
    changed = []
    for name, value in content.MAIN_UNIT_CONTACT.items():
        if not getattr(unit, name):
            setattr(unit, name, nfc(value))
            changed.append(name)
    if changed:
        unit.save(update_fields=[*changed, "updated_at"])
        report["units_updated"] += 1
        out(f"  ~ Bổ sung thông tin liên hệ của {unit.display_name}")


def _fill_home(site, unit, user, report, out):
    home = unit.site.root_page.specific
    if site.home_intro and not home.intro:
        home.intro = nfc(site.home_intro)
        home.save_revision(user=user).publish(user=user)
        report["homes_updated"] += 1
        out(f"  ~ Giới thiệu ngắn trên trang chủ {unit.display_name}")
    return home


def _ensure_about_page(site, unit, home, user, report, out) -> None:
    about = site.about
    section = _child(home, ABOUT_SLUG)
    if about is None or section is None or _child(section, about.slug) is not None:
        return
    page = StandardPage(
        title=nfc(about.title),
        slug=about.slug,
        intro=nfc(about.intro),
        body=_html(about.body),
        live=False,
        owner=user,
    )
    section.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    report["pages_created"] += 1
    out(f"  + Trang “{page.title}” ({unit.display_name})")


def _create_image(article, unit, user, report) -> Image:
    picture = article.picture
    data = render_scene(picture.scene, seed=article.slug)
    image = Image(
        title=nfc(article.title),
        description=nfc(picture.alt),
        collection=unit.collection_link.collection,
        uploaded_by_user=user,
        file=ImageFile(BytesIO(data), name=f"{article.slug}.jpg"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    report["images_created"] += 1
    return image


def _ensure_articles(site, unit, home, user, now, report, out) -> None:
    section = _child(home, NEWS_SLUG)
    if section is None:
        out(f"  ! {unit.display_name} chưa có chuyên mục “{NEWS_SLUG}”, bỏ qua tin, bài.")
        return
    existing = set(section.get_children().values_list("slug", flat=True))
    created = 0
    for spec in site.articles:
        if spec.slug in existing:
            continue
        # One savepoint per article: the picture and the page are kept or dropped together.
        with transaction.atomic():
            published_at = _published_at(spec.days_ago, spec.time, now)
            article = ArticlePage(
                title=nfc(spec.title),
                slug=spec.slug,
                lead=nfc(spec.lead),
                body=_html(spec.body),
                authors=nfc(spec.authors),
                published_at=published_at,
                first_published_at=published_at,
                live=False,
                owner=user,
            )
            if spec.picture is not None:
                article.main_image = _create_image(spec, unit, user, report)
                article.main_image_alt = nfc(spec.picture.alt)
                article.main_image_caption = nfc(spec.picture.caption)
            if spec.source is not None:
                article.source_name = nfc(spec.source.name)
                article.source_author = nfc(spec.source.author)
                article.source_url = spec.source.url
                article.source_published_at = published_at - timedelta(hours=spec.source.hours_before)
            article.tags.add(*(nfc(tag) for tag in spec.tags))
            section.add_child(instance=article)
            article.save_revision(user=user).publish(user=user)
        created += 1
    report["articles_created"] += created
    if created:
        out(f"  + {created} tin, bài cho {unit.display_name}")


def _ensure_proposals(site, unit, proposer, decider, report, out) -> None:
    section = _child(unit.site.root_page, NEWS_SLUG)
    if section is None:
        return
    for spec in site.articles:
        if not spec.proposal:
            continue
        article = _child(section, spec.slug)
        # Any earlier proposal, whatever its fate, means the seed already did this one.
        if article is None or Proposal.objects.filter(article=article).exists():
            continue
        proposal = proposal_create(article=article, actor=proposer, note=content.PROPOSAL_NOTE)
        report["proposals_created"] += 1
        if spec.proposal == content.PROPOSE_ACCEPT:
            proposal_decide(proposal=proposal, actor=decider, accept=True)
            report["proposals_accepted"] += 1
            state = "đã đưa lên Trang chính"
        elif spec.proposal == content.PROPOSE_DECLINE:
            proposal_decide(proposal=proposal, actor=decider, accept=False, note=nfc(spec.decision_note))
            report["proposals_declined"] += 1
            state = "không đưa lên Trang chính"
        else:
            state = "chờ Ban Biên tập Trang chính xem xét"
        out(f"  → Đề nghị “{article.title}” ({unit.display_name}): {state}")


# Each domain app seeds its own part of the mandatory information; the registry goes first (people
# and spokespersons are referred to by schedules and press information).
MANDATORY_INFORMATION_SEEDS = (
    "portal.registry.demo",
    "portal.legaldocs.demo",
    "portal.schedule.demo",
    "portal.consultation.demo",
    "portal.interaction.demo",
    "portal.publicinfo.demo",
    "portal.dossiers.demo",
    "portal.privacy.demo",
    "portal.takedown.demo",
)
DEMO_UNIT_KEYS = {"trangchinh": "main", "stttt": "stttt", "donghoi": "donghoi", "baoninh": "baoninh"}


def _seed_mandatory_information(resolved, unit_users, now, out) -> int:
    from importlib import import_module

    from portal.rules.services import rules_ensure_defaults

    rules_ensure_defaults()
    User = get_user_model()
    units, users = {}, {}
    for site, unit in resolved:
        key = DEMO_UNIT_KEYS.get(site.account_prefix)
        if key is None or unit.pk not in unit_users:
            continue
        units[key] = unit
        # Fresh objects: the gatekeepers cache roles on the user instance.
        users[key] = {str(role): User.objects.get(pk=user.pk) for role, user in unit_users[unit.pk].items()}
    created = 0
    for module in MANDATORY_INFORMATION_SEEDS:
        out(f"Thông tin bắt buộc: {module.split('.')[1]}")
        created += import_module(module).seed(units, users, now, out)
    return created


def _accounts_table(rows) -> list[str]:
    headers = ("Tài khoản", "Mật khẩu", "Trang", "Vai trò")
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(), line]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return lines


# --------------------------------------------------------------------------- entry point


def seed_demo(stdout=None) -> dict:
    """Load (or complete) the demo data; returns what was created and the demo accounts."""
    out = _Out(stdout)
    report = dict.fromkeys(COUNTERS, 0)
    now = timezone.now()
    out("Nạp dữ liệu trình diễn…")
    with transaction.atomic():
        resolved = _resolve_units(out)
        operator = _ensure_operator(report, out)
        accounts = []  # rows for the table: username, password, site, role
        heads = {}
        unit_users = {}
        for site, unit in resolved:
            if not site.account_prefix:
                continue
            users = _ensure_accounts(site, unit, operator, report, out)
            unit_users[unit.pk] = users
            heads[unit.pk] = users[Role.BOARD_HEAD]
            for role, user in users.items():
                accounts.append((user.username, PASSWORD, _site_label(unit), Role(role).label))
        accounts.append((OPERATOR_USERNAME, PASSWORD, "Toàn nền tảng (quản trị hệ thống)", "Vận hành nền tảng (superuser)"))

        main_unit = resolved[0][1]
        _fill_main_contact(main_unit, report, out)

        for site, unit in resolved:
            # Pages carry their board head as author when the site has accounts.
            user = heads.get(unit.pk, operator)
            home = _fill_home(site, unit, user, report, out)
            _ensure_about_page(site, unit, home, user, report, out)
            _ensure_articles(site, unit, home, user, now, report, out)

        # Fresh user objects: permission checks cache roles on the instance.
        User = get_user_model()
        decider = User.objects.get(pk=heads[main_unit.pk].pk)
        for site, unit in resolved:
            if unit.pk == main_unit.pk or unit.pk not in heads:
                continue
            proposer = User.objects.get(pk=heads[unit.pk].pk)
            _ensure_proposals(site, unit, proposer, decider, report, out)

        report["mandatory_items_created"] += _seed_mandatory_information(resolved, unit_users, now, out)

    from portal.search.services import search_rebuild

    out(f"Chỉ mục tìm kiếm: {search_rebuild()} mục.")
    created = sum(report.values())
    out("")
    if created:
        out(
            "Hoàn tất. Đã tạo {articles_created} tin, bài ({images_created} ảnh), {pages_created} trang giới thiệu, "
            "{users_created} tài khoản, cấp {roles_granted} vai trò, cập nhật {homes_updated} trang chủ và "
            "{units_updated} đơn vị, gửi {proposals_created} đề nghị đưa tin (chấp nhận {proposals_accepted}, "
            "từ chối {proposals_declined}) và {mandatory_items_created} mục thông tin bắt buộc.".format(**report)
        )
    else:
        out("Hoàn tất. Dữ liệu trình diễn đã có đủ, không tạo thêm gì.")
    out("")
    out("Tài khoản trình diễn:")
    for line in _accounts_table(accounts):
        out("  " + line)
    out("")
    out(f"Trang chính: {main_unit.site_url}  —  quản trị: {main_unit.site_url}admin/")
    return {**report, "accounts": [dict(zip(("username", "password", "site", "role"), row, strict=True)) for row in accounts]}
