# Varnish 7 in front of gunicorn: anonymous visitors' pages from memory, purged by Wagtail.
#
#   varnishd -a :80 -f /app/deploy/varnish/default.vcl -p vcl_path=/app/deploy/varnish -s malloc,256m
#   FRONTEND_CACHE_URL=http://127.0.0.1:80   (the site's environment: purge on publish)
#
# What Django marks for shared caches (Cache-Control with s-maxage: public Wagtail pages,
# their feeds, not-found pages) is kept as long as s-maxage says, and static files as long
# as their max-age. Everything else passes: other methods than GET and HEAD, requests with
# Authorization or a session cookie (logged-in members and staff), the admin, Min
# organisation, the application form, Kontakta, the site search and free text (`q`) on any
# page. Django answers personal pages `private, no-store` and forms with Set-Cookie, which
# are never kept either. While the backend is down, copies are served up to six hours old.
#
# Publishing sends PURGE <path> (Wagtail's HTTPBackend) for every URL the change shows on
# (core.frontcache.urls_affected_by); a purge drops the path with all its query strings, so
# every filtered view of a listing goes too.

vcl 4.1;

import std;

# The backend (gunicorn), its health probe and the addresses that may purge.
include "backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (std.ban("obj.http.X-Url-Path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }

    # While gunicorn or its database is down (the probe on /health/ fails), pages in the
    # cache are served for up to six hours past their time; otherwise ten seconds at most
    # while a fresh copy is fetched in the background.
    if (std.healthy(health_probe)) {
        set req.grace = 10s;
    }
    set req.backend_hint = site;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|min-organisation|ga-med/ansokan|kontakta|sok)(/|\?|$)") {
        return (pass);
    }
    # Free text (`q` on any listing, the directory, the site search) is never kept: nobody
    # can fill the cache with searches, and each answer is as fresh as the search index.
    if (req.url ~ "[?&]q=[^&]") {
        return (pass);
    }
    # Campaign parameters no page reads are dropped, and `?b=2&a=1` is `?a=1&b=2`: one copy.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=[^&]*", "\1");
    set req.url = std.querysort(regsuball(req.url, "&+$|([?&])&+", "\1"));
    set req.url = regsub(req.url, "\?$", "");
    # The same page for every anonymous visitor: their cookies (the CSRF cookie, anything
    # a browser carries) make no difference to it. A form page sets its own cookie and
    # answers `private`, so it is fetched every time.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # A redirect to https must not be served on https.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # What PURGE matches on (the path without the query string).
    set beresp.http.X-Url-Path = regsub(bereq.url, "\?.*$", "");

    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Keep serving the copy we have rather than an error.
        return (abandon);
    }
    if (beresp.http.Cache-Control !~ "s-maxage" && bereq.url !~ "^/static/") {
        # max-age alone is for browsers: what Django does not purge, we do not keep.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.grace = 6h;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    # Then Varnish's built-in rules: nothing with Set-Cookie, private, no-cache or no-store.
}

sub vcl_deliver {
    unset resp.http.X-Url-Path;
    unset resp.http.Via;
    # gunicorn names itself in Server; no software or version is announced to visitors.
    unset resp.http.Server;
    if (obj.hits > 0) {
        # The id of the request that fetched the copy, not this one's (X-Varnish has both).
        unset resp.http.X-Request-ID;
    }
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
