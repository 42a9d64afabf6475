"""Members find their way in: the member login is linked from every page's footer, from Gå
med and from the application form, so no one has to know its address."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = 'href="/min-organisation/logga-in/"'


def test_every_page_links_the_member_login_in_its_footer(client, home_page):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert LOGIN in footer
    assert "Logga in för medlemmar" in footer


def test_go_med_and_the_application_form_link_the_login(client, join_page):
    for url in [join_page.get_parent().url, join_page.url]:
        html = client.get(url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        assert "Är er organisation redan medlem?" in main, url
        assert f"{LOGIN}>Logga in på Min organisation</a>" in main, url


def test_other_standard_pages_do_not(client, home_page):
    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_page, slug="om-radet", title="Om rådet")
    StandardPageFactory(parent=page, slug="historia", title="Historia")
    html = client.get(page.url).content.decode()
    assert "Logga in på Min organisation" not in html[html.index("<main") : html.index("</main>")]
