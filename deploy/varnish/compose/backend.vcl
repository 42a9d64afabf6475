# compose.yaml's backend.vcl: gunicorn is the service `web`, and the site's own containers
# may purge. compose.yaml puts this folder first in vcl_path, so default.vcl's
# `include "backend.vcl"` finds this file instead of ../backend.vcl. Names are resolved when
# Varnish starts (it starts after them); one in parentheses that does not resolve is
# ignored instead of matching every address.

backend site {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

backend health_probe {
    .host = "web";
    .port = "8000";
    .probe = {
        .url = "/health/";
        .interval = 5s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}

# Every process that publishes (FRONTEND_CACHE_URL): the web process, the task worker and
# the periodic runner.
acl purgers {
    ("web");
    ("worker");
    ("periodic");
}
