#!/usr/bin/env python
"""Build the benchmark database: every site of Quảng Bình plus a realistic volume of articles.

    .venv/bin/python benchmarks/generate.py                       # SQLite, 20,000 articles
    .venv/bin/python benchmarks/generate.py --articles 50000 --reset
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python benchmarks/generate.py

Steps: migrate, ``import_units --province 44``, ``provision_sites`` (the same commands
``make demo-data`` runs), then articles spread over every site's "tin-tuc-su-kien"
section. Articles are inserted in bulk (treebeard paths computed here) because 20,000
``add_child`` calls would take most of an hour; the rows are the ones Wagtail writes
itself (base ``wagtailcore_page`` row + ``ArticlePage`` row, live, published), minus
revisions and search-index entries, which serving a page does not read.

Re-running with the same volume does nothing; a larger ``--articles`` adds the difference.
Everything goes to benchmarks/data/ (gitignored) unless DATABASE_URL says otherwise.
"""

import argparse
import io
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'bench.sqlite3'}"
DEFAULT_PORT = 8765
SEED = 44

# URLs the benchmark measures; generate.py makes sure they exist and answer 200.
BENCH_UNIT_LABEL = "stttt"
NEWS_SLUG = "tin-tuc-su-kien"


def configure_environment(database_url: str, port: int) -> None:
    """Environment for portal.settings.dev; must run before django.setup()."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    os.environ["DATABASE_URL"] = database_url
    os.environ["PORT"] = str(port)
    os.environ["PORTAL_SITE_PORT"] = str(port)
    os.environ.setdefault("MEDIA_ROOT", str(DATA_DIR / "media"))
    os.environ.setdefault("STATIC_ROOT", str(DATA_DIR / "static"))
    (DATA_DIR / "static").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # run.py --source points this at another checkout, to measure its code on the same data.
    source = os.environ.get("BENCH_SOURCE", str(REPO_DIR))
    if source not in sys.path:
        sys.path.insert(0, source)


# --- Vietnamese-looking text -------------------------------------------------------------

ACTORS = [
    "UBND tỉnh", "Sở Thông tin và Truyền thông", "Ban Chỉ đạo chuyển đổi số", "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc", "Đoàn công tác của tỉnh", "Lãnh đạo địa phương", "Ban Quản lý dự án",
    "Trung tâm Phục vụ hành chính công", "Hội Nông dân", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ",
]
ACTIONS = [
    "tổ chức", "triển khai", "kiểm tra", "tổng kết", "phát động", "khởi công", "khánh thành",
    "hướng dẫn", "đôn đốc", "sơ kết", "ký kết", "tập huấn",
]
TOPICS = [
    "chương trình chuyển đổi số năm {year}", "công tác cải cách hành chính", "phong trào xây dựng nông thôn mới",
    "kế hoạch phòng, chống thiên tai mùa mưa bão", "dự án nâng cấp đường giao thông liên xã",
    "hội nghị tiếp xúc cử tri", "chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "công tác tuyển sinh đầu cấp năm học {year}–{next_year}", "lễ hội truyền thống của địa phương",
    "mô hình sản xuất lúa hữu cơ", "việc cấp giấy chứng nhận quyền sử dụng đất",
    "chiến dịch tiêm chủng mở rộng", "dịch vụ công trực tuyến toàn trình", "hoạt động du lịch cộng đồng tại Phong Nha",
    "công tác bảo vệ rừng và phòng cháy chữa cháy rừng", "kế hoạch phát triển kinh tế – xã hội",
    "đề án xây dựng chính quyền điện tử", "giải chạy vì cộng đồng", "hội thi tuyên truyền pháp luật",
    "công tác an toàn giao thông dịp lễ, Tết",
]
PLACES = [
    "Đồng Hới", "Bố Trạch", "Quảng Trạch", "Ba Đồn", "Lệ Thủy", "Quảng Ninh", "Tuyên Hóa", "Minh Hóa",
    "Phong Nha – Kẻ Bàng", "Nhật Lệ", "Bảo Ninh", "Sơn Trạch", "Hoàn Lão", "Kiến Giang",
]
SENTENCES = [
    "Theo báo cáo, trong thời gian qua các cấp, các ngành đã tập trung chỉ đạo quyết liệt, đạt nhiều kết quả quan trọng.",
    "Đồng chí đề nghị các đơn vị tiếp tục quán triệt, nâng cao nhận thức của cán bộ, công chức và người dân.",
    "Phát biểu tại buổi làm việc, lãnh đạo {place} ghi nhận những nỗ lực của địa phương trong việc thực hiện nhiệm vụ.",
    "Đến nay, toàn {place} đã có hơn {n} hồ sơ được tiếp nhận và giải quyết đúng hạn, đạt tỷ lệ {pct}%.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số khó khăn, vướng mắc cần được tháo gỡ kịp thời.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết nhằm hoàn thiện kế hoạch trong giai đoạn tới.",
    "Dịp này, đơn vị đã trao tặng {n} suất quà cho các hộ gia đình có hoàn cảnh khó khăn trên địa bàn.",
    "Người dân phấn khởi khi con đường mới được đưa vào sử dụng, giúp việc đi lại, giao thương thuận lợi hơn.",
    "Mục tiêu đến năm {next_year}, {pct}% thủ tục hành chính được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
    "Ban tổ chức cho biết chương trình thu hút sự tham gia của đông đảo đoàn viên, thanh niên và nhân dân.",
    "Ủy ban nhân dân yêu cầu các phòng, ban chuyên môn phối hợp chặt chẽ, bảo đảm tiến độ đề ra.",
    "Thời tiết thuận lợi, bà con nông dân {place} đang tập trung thu hoạch vụ Đông Xuân với năng suất ước đạt {n} tạ/ha.",
    "Hội nghị cũng đã khen thưởng {n} tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua.",
    "Qua kiểm tra, đoàn công tác đánh giá cao tinh thần trách nhiệm của tập thể cán bộ, nhân viên đơn vị.",
]
AUTHORS = ["Minh Châu", "Hoàng Nam", "Thu Hà", "Quốc Việt", "Ngọc Mai", "Đức Thắng", "Phương Thảo", "Văn Lợi"]
TAGS = [
    "chuyển đổi số", "cải cách hành chính", "nông thôn mới", "phòng chống thiên tai", "giáo dục", "y tế",
    "du lịch", "giao thông", "an sinh xã hội", "quốc phòng – an ninh", "văn hóa", "thể thao", "môi trường",
    "đầu tư", "nông nghiệp", "lao động – việc làm", "dịch vụ công", "hội nghị", "thi đua khen thưởng",
    "xây dựng Đảng",
]


def _fill(rng: random.Random, template: str, year: int) -> str:
    return template.format(
        place=rng.choice(PLACES), n=rng.randint(12, 4800), pct=rng.randint(60, 99), year=year, next_year=year + 1
    )


def make_title(rng: random.Random, unit_name: str, year: int) -> str:
    actor = rng.choice([*ACTORS, unit_name])
    topic = _fill(rng, rng.choice(TOPICS), year)
    title = f"{actor} {rng.choice(ACTIONS)} {topic}"
    if rng.random() < 0.4:
        title += f" tại {rng.choice(PLACES)}"
    return title[0].upper() + title[1:]


def make_lead(rng: random.Random, year: int) -> str:
    return " ".join(_fill(rng, rng.choice(SENTENCES), year) for _ in range(rng.randint(2, 3)))


def make_body(rng: random.Random, year: int) -> str:
    parts = []
    for index in range(rng.randint(5, 9)):
        if index and rng.random() < 0.2:
            parts.append(f"<h2>{_fill(rng, rng.choice(TOPICS), year).capitalize()}</h2>")
        sentences = " ".join(_fill(rng, rng.choice(SENTENCES), year) for _ in range(rng.randint(3, 5)))
        parts.append(f"<p>{sentences}</p>")
    if rng.random() < 0.3:
        items = "".join(f"<li>{_fill(rng, rng.choice(SENTENCES), year)}</li>" for _ in range(3))
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


# --- steps ---------------------------------------------------------------------------------


def step(message: str):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def ensure_sites() -> None:
    from django.core.management import call_command
    from wagtail.models import Site

    step("migrate")
    call_command("migrate", interactive=False, verbosity=0)
    if Site.objects.count() >= 100:
        step(f"sites already provisioned ({Site.objects.count()})")
        return
    step("import_units --province 44")
    call_command("import_units", province="44")
    step("provision_sites (takes a few minutes)")
    call_command("provision_sites")
    step(f"{Site.objects.count()} sites")


def ensure_images(rng: random.Random, count: int = 24):
    """A small shared pool of photos with the renditions the templates ask for."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images.models import Image
    from wagtail.models import Collection

    images = list(Image.objects.filter(title__startswith="Ảnh thử tải ").order_by("id"))
    if len(images) >= count:
        return images
    collection = Collection.get_first_root_node()
    for index in range(len(images), count):
        picture = PILImage.new("RGB", (1600, 1067), (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
        draw = ImageDraw.Draw(picture)
        for _ in range(30):
            x, y = rng.randint(0, 1600), rng.randint(0, 1067)
            colour = (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
            draw.ellipse((x, y, x + rng.randint(40, 500), y + rng.randint(40, 400)), fill=colour)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=82)
        image = Image(title=f"Ảnh thử tải {index + 1:02d}", collection=collection)
        image.file = ImageFile(buffer, name=f"bench-{index + 1:02d}.jpg")
        image.save()
        images.append(image)
    for image in images:
        image.get_renditions("fill-480x270", "width-960")
    step(f"{len(images)} images with renditions")
    return images


def _news_sections():
    from portal.pages.models import SectionPage

    return list(
        SectionPage.objects.filter(slug=NEWS_SLUG, depth=3)
        .select_related("unit")
        .order_by("path")
    )


def _weights(sections, rng: random.Random) -> list[float]:
    """Skewed like a real portal: the main portal and agencies publish most, communes least."""
    from portal.units.constants import UnitKind

    base = {
        UnitKind.PROVINCE: 12.0,
        UnitKind.AGENCY: 3.0,
        UnitKind.SERVICE_UNIT: 2.0,
        UnitKind.DISTRICT: 3.0,
        UnitKind.COMMUNE: 0.6,
    }
    weights = []
    for section in sections:
        weight = base.get(section.unit.kind, 1.0) if section.unit else 1.0
        if section.unit and section.unit.label == BENCH_UNIT_LABEL:
            weight = 4.0  # the measured unit: a busy agency, ~15 listing pages
        weights.append(weight * rng.uniform(0.6, 1.4))
    return weights


def create_articles(total: int, rng: random.Random, images) -> int:
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from portal.core.text import fold, nfc
    from portal.pages.models import ArticlePage, ArticleRelatedLink, ArticleTag

    existing = ArticlePage.objects.count()
    missing = total - existing
    if missing <= 0:
        step(f"{existing} articles already present (wanted {total})")
        return 0
    step(f"creating {missing} articles ({existing} present)")

    sections = _news_sections()
    weights = _weights(sections, rng)
    per_section = [0] * len(sections)
    for index in rng.choices(range(len(sections)), weights=weights, k=missing):
        per_section[index] += 1

    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale_id = Locale.get_default().pk
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": slugify(fold(name))})[0] for name in TAGS]
    now = timezone.now()
    page_fields = list(ArticlePage._meta.local_concrete_fields)
    started = time.monotonic()
    created = 0

    for section, count in zip(sections, per_section, strict=True):
        if not count:
            continue
        unit = section.unit
        unit_name = unit.display_name if unit else "Đơn vị"
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).order_by("-path").values_list("path", flat=True).first()
        )
        next_step = int(last[-Page.steplen :], 36) + 1 if last else 1
        base_pages, details = [], []
        for offset in range(count):
            published = now - timedelta(seconds=rng.randint(600, 3 * 365 * 24 * 3600))
            year = timezone.localtime(published).year
            title = nfc(make_title(rng, unit_name, year))
            slug = f"{slugify(fold(title))[:70].rstrip('-')}-{next_step + offset}"
            base_pages.append(
                Page(
                    path=ArticlePage._get_path(section.path, section.depth + 1, next_step + offset),
                    depth=section.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale_id=locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{section.url_path}{slug}/",
                    show_in_menus=False,
                    seo_title="",
                    search_description="",
                )
            )
            image = rng.choice(images) if images and rng.random() < 0.75 else None
            details.append(
                {
                    "unit_id": section.unit_id,
                    "lead": nfc(make_lead(rng, year)),
                    "body": nfc(make_body(rng, year)),
                    "main_image_id": image.pk if image else None,
                    "main_image_alt": nfc(f"Quang cảnh {rng.choice(PLACES)}") if image else "",
                    "main_image_caption": nfc(f"Ảnh minh họa tại {rng.choice(PLACES)}") if image and rng.random() < 0.6 else "",
                    "authors": nfc(rng.choice(AUTHORS)),
                    "photographer": nfc(rng.choice(AUTHORS)) if image else "",
                    "published_at": published,
                    "source_name": "",
                    "source_author": "",
                    "source_url": "",
                    "source_published_at": None,
                }
            )
        with transaction.atomic():
            Page.objects.bulk_create(base_pages, batch_size=500)
            articles = []
            for base, extra in zip(base_pages, details, strict=True):
                article = ArticlePage(page_ptr_id=base.pk, **extra)
                article.id = base.pk
                articles.append(article)
            for start in range(0, len(articles), 500):
                ArticlePage._base_manager._insert(articles[start : start + 500], fields=page_fields, raw=True)
            Page.objects.filter(pk=section.pk).update(numchild=section.numchild + count)
            tagged = []
            links = []
            ids = [a.pk for a in articles]
            for article in articles:
                for tag in rng.sample(tags, rng.randint(1, 4)):
                    tagged.append(ArticleTag(content_object_id=article.pk, tag_id=tag.pk))
                if len(ids) > 4 and rng.random() < 0.35:
                    others = rng.sample([i for i in rng.sample(ids, min(len(ids), 6)) if i != article.pk], 3)
                    links.extend(
                        ArticleRelatedLink(page_id=article.pk, related_id=other, sort_order=order)
                        for order, other in enumerate(others)
                    )
            ArticleTag.objects.bulk_create(tagged, batch_size=1000)
            ArticleRelatedLink.objects.bulk_create(links, batch_size=1000)
        created += count
    step(f"{created} articles in {time.monotonic() - started:.1f} s")
    return created


def ensure_proposals(rng: random.Random, count: int = 400) -> None:
    """Accepted proposals: the main portal's news section lists them with its own articles."""
    from django.utils import timezone

    from portal.pages.models import ArticlePage
    from portal.syndication.constants import ProposalStatus
    from portal.syndication.models import Proposal
    from portal.units.constants import UnitKind

    if Proposal.objects.exists():
        return
    candidates = list(
        ArticlePage.objects.exclude(unit__kind=UnitKind.PROVINCE).order_by("-published_at").values_list("pk", "unit_id")[: count * 3]
    )
    chosen = rng.sample(candidates, min(count, len(candidates)))
    now = timezone.now()
    Proposal.objects.bulk_create(
        [
            Proposal(article_id=pk, unit_id=unit_id, status=ProposalStatus.ACCEPTED, decided_at=now)
            for pk, unit_id in chosen
        ]
    )
    step(f"{len(chosen)} accepted proposals")


def _site_path(page) -> str:
    """Path of a page on its own site: url_path minus the home's segment."""
    return "/" + page.url_path.split("/", 2)[2]


def bench_urls(port: int) -> dict[str, tuple[str, str]]:
    """name -> (Host header, path) for the four measured pages."""
    from django.conf import settings

    from portal.pages.models import ArticlePage

    base = settings.PORTAL_BASE_DOMAIN
    unit_host = f"{BENCH_UNIT_LABEL}.{base}"
    # A full article: photo and related articles (small --articles volumes may have none).
    candidates = ArticlePage.objects.live().filter(unit__label=BENCH_UNIT_LABEL).order_by("-published_at")
    article = (
        candidates.filter(main_image__isnull=False, related_links__isnull=False).first()
        or candidates.first()
        or ArticlePage.objects.live().order_by("-published_at").first()
    )
    if article is None:
        raise SystemExit("no articles: run generate.py first")
    return {
        "main home": (f"{base}:{port}", "/"),
        "unit home": (f"{unit_host}:{port}", "/"),
        "section listing": (f"{unit_host}:{port}", f"/{NEWS_SLUG}/"),
        "article": (f"{unit_host}:{port}", _site_path(article)),
    }


def verify(port: int) -> dict[str, tuple[str, str]]:
    """A few generated URLs answer 200 with the expected content (in-process, no server)."""
    from django.test import Client

    from portal.pages.models import ArticlePage

    client = Client()
    urls = bench_urls(port)
    for name, (host, path) in urls.items():
        response = client.get(path, HTTP_HOST=host)
        if response.status_code != 200:
            raise SystemExit(f"{name}: http://{host}{path} answered {response.status_code}")
        step(f"ok {response.status_code} {len(response.content):>7} B  {name}: http://{host}{path}")
    host, path = urls["section listing"]
    if b'rel="next"' in client.get(path, HTTP_HOST=host).content:
        response = client.get(path + "?trang=2", HTTP_HOST=host)
        assert response.status_code == 200 and b'rel="prev"' in response.content, "listing page 2"
    sample = ArticlePage.objects.live().order_by("?")[:3]
    for article in sample:
        site_host = article.get_site().hostname
        path = _site_path(article)
        response = client.get(path, HTTP_HOST=f"{site_host}:{port}")
        assert response.status_code == 200 and article.title.encode() in response.content, path
    step("listings paginate and random articles answer 200")
    return urls


def describe(port: int) -> dict:
    """What run.py records next to the timings; queries are counted in-process, one request each."""
    import django as django_module
    import wagtail
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from portal.pages.models import ArticlePage

    urls = bench_urls(port)
    client = Client()
    queries = {}
    for name, (host, path) in urls.items():
        client.get(path, HTTP_HOST=host)  # warm per-process state, as a running worker would be
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_HOST=host)
        queries[name] = {"status": response.status_code, "queries": len(captured), "bytes": len(response.content)}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            db = f"SQLite {cursor.fetchone()[0]}"
        else:
            cursor.execute("show server_version")
            db = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    return {
        "urls": urls,
        "pages": queries,
        "sites": Site.objects.count(),
        "articles": ArticlePage.objects.count(),
        "live_articles": ArticlePage.objects.live().count(),
        "database": db,
        "python": sys.version.split()[0],
        "django": django_module.get_version(),
        "wagtail": wagtail.__version__,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000, help="total number of articles (default 20000)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", DEFAULT_PORT)),
                        help=f"port the benchmark server will listen on; written into every Site (default {DEFAULT_PORT})")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--reset", action="store_true", help="start from an empty database (SQLite file deleted, PostgreSQL database emptied)")
    parser.add_argument("--describe", action="store_true",
                        help="only print JSON: measured URLs, data volume, versions, queries per page (used by run.py)")
    parser.add_argument("--force", action="store_true", help="allow a database whose name does not contain \"bench\"")
    args = parser.parse_args(argv)
    if "bench" not in args.database_url.rsplit("/", 1)[-1] and not args.force:
        # DATABASE_URL may still point at someone's working database: never fill or reset that.
        parser.error(f"{args.database_url} does not look like a benchmark database (no \"bench\" in its name); use --force")

    DATA_DIR.mkdir(exist_ok=True)
    configure_environment(args.database_url, args.port)
    if args.reset and args.database_url.startswith("sqlite:///"):
        path = Path(args.database_url[len("sqlite:///") :])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    import django

    django.setup()

    if args.describe:
        import json

        print(json.dumps(describe(args.port), ensure_ascii=False))
        return 0

    if args.reset and not args.database_url.startswith("sqlite"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")

    rng = random.Random(SEED)
    ensure_sites()
    from django.core.management import call_command
    from wagtail.models import Site

    if Site.objects.exclude(port=args.port).exists():
        step(f"setting every Site's port to {args.port}")
        call_command("provision_sites", verbosity=0)
    images = ensure_images(rng)
    create_articles(args.articles, rng, images)
    ensure_proposals(rng)
    if not args.database_url.startswith("sqlite"):
        # What autovacuum would have done by the time a real site holds this much.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    verify(args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
