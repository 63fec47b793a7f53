"""Media from the unzipped packages, under the strict SCORM 1.2 run-time: pictures load with their
size, downloads are served, a local video plays its metadata and loads its captions, audio loads,
and the media pages pass the same accessibility checks as Thing 2."""
from playwright.sync_api import expect

from test_accessibility import check_page

MEDIA_STATE = """
() => {
  const images = Array.from(document.images).map(img => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0, width: img.getAttribute('width') }));
  const video = document.querySelector('video');
  const track = video && video.textTracks[0];
  const audio = document.querySelector('audio');
  return {
    images,
    video: video && { ready: video.readyState, duration: video.duration, tracks: video.textTracks.length, mode: track && track.mode, cues: track && track.cues ? track.cues.length : 0 },
    audio: audio && { ready: audio.readyState },
    downloads: Array.from(document.querySelectorAll('a[download]')).map(a => a.href),
  };
}
"""


def launch(context, base_url, sco):
    page = context.new_page()
    page.goto(f"{base_url}/lms/harness.html?version=1.2&sco={sco}")
    frame = page.frame_locator("#sco")
    expect(frame.locator("#progress-text")).to_contain_text("required activities")
    return page, frame


def media_state(frame):
    return frame.locator("body").evaluate(f"() => ({MEDIA_STATE})()")


def test_pictures_video_audio_and_downloads_work_in_the_lms(context, base_url, screenshot):
    page, frame = launch(context, base_url, "/media12/things/thing-01.html")
    frame.locator("video").scroll_into_view_if_needed()
    # Metadata and captions load on their own (preload="metadata", the track is the default one).
    page.wait_for_function(
        "() => { const v = document.querySelector('#sco').contentDocument.querySelector('video');"
        " return v && v.readyState >= 1 && v.textTracks[0] && v.textTracks[0].cues && v.textTracks[0].cues.length === 2; }",
        timeout=15000)
    for img in frame.locator("img").all():
        img.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => Array.from(document.querySelector('#sco').contentDocument.images).every(i => i.complete && i.naturalWidth > 0)",
        timeout=15000)
    state = media_state(frame)
    pictures = [image for image in state["images"] if image["src"].startswith("../media/")]
    # The course logo in the header, four in the body (one file under two names), one in a prompt.
    assert len(pictures) == 6, state
    assert all(image["loaded"] for image in state["images"]), state
    assert all(image["width"] for image in pictures), "every local picture carries its size"
    assert state["video"]["duration"] > 1.5, state
    assert state["video"]["mode"] == "showing", state
    page.wait_for_function(
        "() => document.querySelector('#sco').contentDocument.querySelector('audio').readyState >= 1", timeout=15000)
    downloads = state["downloads"]
    assert any(href.endswith("/media12/media/handout.pdf") for href in downloads), downloads
    for href in downloads:
        response = page.request.get(href)
        assert response.status == 200, href
    assert page.request.get(next(h for h in downloads if h.endswith("handout.pdf"))).body().startswith(b"%PDF")
    assert page.evaluate("window.lmsLog.filter(entry => entry.result === 'false')") == []
    screenshot(page)


def test_thing_2_figure_and_worksheet_work_in_the_lms(context, base_url, screenshot):
    page, frame = launch(context, base_url, "/scorm12/things/thing-02.html")
    figure = frame.locator("img[src$='leadership-and-management.svg']")
    figure.scroll_into_view_if_needed()
    expect(figure).to_have_attribute("alt", "Two overlapping circles: management keeps things running, leadership sets the direction, and supervision, team meetings and introducing a new system sit where they overlap")
    page.wait_for_function(
        "() => { const i = document.querySelector('#sco').contentDocument.querySelector(\"img[src$='leadership-and-management.svg']\");"
        " return i && i.complete && i.naturalWidth > 0; }", timeout=15000)
    worksheet = frame.locator("a[download][href$='reflection-worksheet.pdf']").first
    expect(worksheet).to_be_visible()
    href = worksheet.evaluate("a => a.href")
    response = page.request.get(href)
    assert response.status == 200 and response.body().startswith(b"%PDF")
    screenshot(page)


def test_the_media_page_is_accessible(context, base_url, screenshot):
    page = context.new_page()
    page.goto(f"{base_url}/media-html/things/thing-01.html")
    page.wait_for_load_state("load")
    check_page(page)
    screenshot(page)


def test_captions_load_when_the_html_site_is_opened_from_disk(context, site_root):
    """Chromium loads no <track> file for a page opened from disk (each file:// page is its own
    origin): the HTML site writes its captions into the page, so they show there too."""
    page = context.new_page()
    page.goto((site_root / "media-html" / "things" / "thing-01.html").as_uri())
    page.wait_for_function(
        "() => { const v = document.querySelector('video');"
        " return v && v.textTracks[0] && v.textTracks[0].cues && v.textTracks[0].cues.length === 2; }",
        timeout=30000)
    assert page.locator("video track").get_attribute("src").startswith("data:text/vtt;base64,")
