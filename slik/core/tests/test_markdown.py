from slik.core.markdown import render_markdown


def test_script_tags_are_stripped():
    html = render_markdown("Hei <script>alert(1)</script> verden")
    assert "<script" not in html


def test_raw_html_is_not_rendered():
    html = render_markdown('<img src=x onerror="alert(1)">')
    assert "<img" not in html
    assert "onerror=" not in html or "&lt;img" in html


def test_javascript_links_are_removed():
    for text in (
        "[klikk](javascript:alert(1))",
        "<javascript:alert(1)>",
        '<a href="javascript:alert(1)">klikk</a>',
        "[klikk](JaVaScRiPt:alert(1))",
        "[klikk](data:text/html;base64,PHNjcmlwdD4=)",
    ):
        html = render_markdown(text).lower()
        assert '<a href="javascript' not in html, text
        assert '<a href="data:' not in html, text


def test_safe_links_get_rel():
    html = render_markdown("[KS](https://www.ks.no)")
    assert 'href="https://www.ks.no"' in html
    assert "noopener" in html


def test_headings_start_at_h3():
    html = render_markdown("# Tittel\n\n## Under")
    assert "<h1" not in html and "<h2" not in html
    assert html.count("<h3>") == 2


def test_lists_tables_and_emphasis_survive():
    html = render_markdown("- *en*\n- **to**\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    for tag in ("<ul>", "<em>", "<strong>", "<table>", "<td>"):
        assert tag in html


def test_empty_text():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_template_filter_marks_safe():
    from django.template import engines

    template = engines["django"].from_string("{{ text|markdown }}")
    assert "<strong>x</strong>" in template.render({"text": "**x**"})
