# Shell functions of scripts/demo, scripts/test, scripts/cluster and .ci/run (sourced, not run).
# They run from the repository root.

# install_project VENV PIP-ARGUMENT...: create VENV if missing and `pip install` the arguments,
# unless the same arguments were installed there for the same pyproject.toml and Python already:
# VENV/.reactive-installed keeps a hash of each such install (delete it to force a reinstall).
install_project() {
    local venv=$1 stamp wanted
    shift
    stamp="$venv/.reactive-installed"
    [ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
    wanted=$({ "$venv/bin/python" --version; printf '%s\n' "$@"; cat pyproject.toml; } | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && grep -qx "$wanted" "$stamp"; then
        return 0
    fi
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet "$@"
    echo "$wanted" >> "$stamp"
}

# apt_install PACKAGE...: Debian packages (apt-get update once per script run).
apt_install() {
    if [ -z "${APT_UPDATED:-}" ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# What ensure_redis / ensure_postgres started, for stop_started_services.
STARTED_REDIS=""
STARTED_POSTGRES=""

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {  # wait_for_port PORT TENTHS-OF-A-SECOND
    for _ in $(seq "$2"); do
        answers "$1" && return 0
        sleep 0.1
    done
    answers "$1"
}

ensure_nginx() {
    if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
        echo "installing nginx"
        apt_install nginx
    fi
}

# Redis on 127.0.0.1:6379, installed and started when missing (no persistence: a cache).
ensure_redis() {
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "installing Redis"
        apt_install redis-server
    fi
    if ! answers 6379; then
        echo "starting Redis"
        mkdir -p /var/lib/redis /var/log/redis
        redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
            --dir /var/lib/redis --logfile /var/log/redis/reactive.log
        STARTED_REDIS=1
        wait_for_port 6379 50
    fi
}

# PostgreSQL on 127.0.0.1:5432, user postgres without a password (trust for local TCP).
pg_bindir() {  # the newest server binaries (Debian keeps them in /usr/lib/postgresql/<major>/bin)
    local initdb
    initdb=$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$initdb" ]; then dirname "$(readlink -f "$initdb")"; fi
}

# Debian's way (postgresql-common): the first cluster, or a new "main" one, on 127.0.0.1:5432.
pg_start_cluster() {
    local version="" name="" hba
    read -r version name _ < <(pg_lsclusters --no-header 2>/dev/null | head -n 1) || true
    if [ -z "$version" ]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        name=main
        pg_createcluster --port 5432 "$version" "$name" >/dev/null
    fi
    # localhost (127.0.0.1 and ::1): a bare word, as pg_conftool writes values unquoted.
    pg_conftool "$version" "$name" set listen_addresses localhost
    pg_conftool "$version" "$name" set port 5432
    hba="/etc/postgresql/$version/$name/pg_hba.conf"
    if ! grep -q '^# ci: trust' "$hba"; then  # the first matching line wins: put these first
        sed -i '1i # ci: trust local TCP connections (the tests connect as postgres, no password)\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    fi
    install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    # A cluster that the package's install started must restart to take the port and rules.
    if pg_ctlcluster "$version" "$name" status >/dev/null 2>&1; then
        pg_ctlcluster "$version" "$name" restart
    else
        pg_ctlcluster "$version" "$name" start
    fi
    STARTED_POSTGRES="pg_ctlcluster $version $name stop"
}

# Without postgresql-common: initdb and pg_ctl as the postgres user, trust for every local connection.
pg_start_initdb() {
    local bindir data=/var/lib/postgresql/ci-data log=/var/log/postgresql/ci.log
    bindir=$(pg_bindir)
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    install -d -o postgres -g postgres /var/lib/postgresql /var/log/postgresql /var/run/postgresql
    if [ ! -s "$data/PG_VERSION" ]; then
        runuser -u postgres -- "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 >/dev/null
    fi
    runuser -u postgres -- "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=5432 -c unix_socket_directories=/var/run/postgresql" start
    STARTED_POSTGRES="runuser -u postgres -- $bindir/pg_ctl -D $data -w stop"
}

ensure_postgres() {
    if ! answers 5432; then
        if ! command -v pg_ctlcluster >/dev/null 2>&1 && [ -z "$(pg_bindir)" ]; then
            echo "installing PostgreSQL"
            apt_install postgresql
        fi
        echo "starting PostgreSQL"
        if command -v pg_ctlcluster >/dev/null 2>&1; then
            pg_start_cluster
        else
            pg_start_initdb
        fi
        if ! wait_for_port 5432 300; then
            echo "PostgreSQL does not answer on 127.0.0.1:5432 after 30 s" >&2
            return 1
        fi
    fi
    if command -v psql >/dev/null 2>&1 &&
            ! PGCONNECT_TIMEOUT=5 psql -w -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null; then
        echo "PostgreSQL on 127.0.0.1:5432 refuses user postgres without a password (needs trust)" >&2
        return 1
    fi
}

# Stop Redis and PostgreSQL if ensure_redis / ensure_postgres started them (as an EXIT trap).
stop_started_services() {
    if [ -n "$STARTED_REDIS" ]; then
        echo "stopping Redis"
        redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true
    fi
    if [ -n "$STARTED_POSTGRES" ]; then
        echo "stopping PostgreSQL"
        $STARTED_POSTGRES >/dev/null || true
    fi
}
