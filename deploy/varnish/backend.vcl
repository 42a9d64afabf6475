# Where gunicorn listens, and who may purge. Replace this file (or put another backend.vcl
# earlier in vcl_path) to point elsewhere; default.vcl stays as it is.

# Pages are fetched from here, also while the probe fails (Django's styled 503 page then
# reaches visitors whose page is not in the cache).
backend site {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# The same server, probed: /health/ answers 503 while the database is down.
backend health_probe {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = {
        .url = "/health/";
        .interval = 5s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may send PURGE: the site's own servers (FRONTEND_CACHE_URL points here from there).
acl purgers {
    "127.0.0.1";
    "::1";
}
