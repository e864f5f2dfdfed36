"""A Los Mineros section officer, reading Spanish, opens her union's quarterly report
in the demo world: chooses the quarter, reads its tables and charts on a desktop and
on a 390-px phone, and downloads the PDF. Screenshots go to
``test-artifacts/screenshots/`` (``es-report-*.png``); the PDF's first page, drawn by
``pdftoppm`` when it is installed, beside them."""

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import SCREENSHOTS, shot

pytestmark = pytest.mark.browser

OFFICER = "jl.romero@mineros.example"
PHONE = {"width": 390, "height": 844}


def test_a_los_mineros_officer_reads_the_quarterly_report_in_spanish(
    demo_world, open_tab
):
    tab = open_tab(locale="es-MX")
    tab.page.set_default_timeout(30_000)
    demo_world.sign_in(tab, OFFICER)
    page = tab.page
    # The quarter picker: the fourth quarter of 2026 (the demo's council meeting
    # at Sombrerete in October).
    tab.goto("/reports/quarter/")
    page.select_option("#pick-year", "2026")
    page.select_option("#pick-quarter", "4")
    with page.expect_navigation():
        page.locator("#quarter-picker button[type=submit]").click()
    assert page.url.split("?")[0].endswith("/reports/quarter/2026/4/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Los Mineros")
    expect(page.locator("#report-span")).to_contain_text("UTC")
    # Spanish headings the catalogue has; every chart is an image with a name and a
    # table beside it.
    expect(page.locator("#heading-requests")).to_have_text("Solicitudes de solidaridad")
    expect(page.locator("#heading-alerts")).to_have_text("Alertas")
    charts = page.locator("svg.report-chart")
    assert charts.count() >= 2  # councils and pledges: the others are zero
    for n in range(charts.count()):
        chart = charts.nth(n)
        assert chart.get_attribute("role") == "img"
        assert chart.get_attribute("aria-label")
    for key in ("councils", "requests", "pledges", "letters", "alerts", "strikes"):
        expect(page.locator(f"#table-{key}")).to_be_visible()
    # The council meeting of 17 October 2026 counts for the union's report.
    meetings = page.locator("#table-councils tbody tr").nth(1).locator("td")
    assert int(meetings.first.inner_text()) >= 1
    shot(tab, "es-report-desktop")

    # The PDF, in Spanish.
    with page.expect_download() as saved:
        page.locator("#report-pdf").click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf_path = SCREENSHOTS / "es-report.pdf"
    saved.value.save_as(pdf_path)
    data = pdf_path.read_bytes()
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(BytesIO(data)).pages
    )
    for heading in ("Solicitudes de solidaridad", "Cartas", "Alertas", "Los Mineros"):
        assert heading in text
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        prefix = SCREENSHOTS / "es-report-pdf-page"
        subprocess.run(  # noqa: S603
            [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
             str(pdf_path), str(prefix)],
            check=True,
        )  # fmt: skip
        assert Path(f"{prefix}.png").exists()

    # On a phone: nothing scrolls sideways, the tables and charts fit.
    page.set_viewport_size(PHONE)
    page.reload()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0
    box = page.locator("svg.report-chart").first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"] + 0.5
    shot(tab, "es-report-phone")
    tab.assert_clean()
