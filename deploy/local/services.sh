# shellcheck shell=bash
# Local backing services for driftwatch: PostgreSQL, moto (AWS emulator) and a
# single-node Kafka broker. Sourced by bin/test, bin/run, bin/demo and .ci/run;
# it only defines functions. Everything it creates lives under target/local.
#
# Callers that start services should `trap stop_started_services EXIT`: only
# processes started by this shell are stopped, never ones that were already
# running (PostgreSQL is a system service and is always left running).

DW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DW_LOCAL="$DW_ROOT/target/local"
DW_STARTED_PIDS=()

dw_log() { printf '==> %s\n' "$*" >&2; }
dw_die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# wait_for SECONDS WHAT CMD...: retry CMD every second until it succeeds.
wait_for() {
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { dw_log "timed out after ${timeout}s waiting for $what"; return 1; }
    sleep 1
  done
}

# await_started PID TIMEOUT WHAT LOG CMD...: wait for a process we just
# started until CMD succeeds; fail early, with its log, if it exits.
await_started() {
  local pid=$1 timeout=$2 what=$3 log=$4; shift 4
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || dw_die "$what exited; last lines of $log:
$(tail -n 30 "$log")"
    ((SECONDS < deadline)) || dw_die "$what not ready within ${timeout}s (see $log)"
    sleep 1
  done
}

# port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT
# (bash's /dev/tcp, so no netcat is needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# apt_install PKG...: the package index on a fresh machine may be stale or
# empty, so only pay for `apt-get update` when the plain install fails.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  dw_log "apt-get install $*"
  apt-get install -y -q "$@" || { apt-get update -q && apt-get install -y -q "$@"; }
}

use_jdk17() {
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  [[ -x $JAVA_HOME/bin/javac ]] || apt_install openjdk-17-jdk-headless
  export PATH="$JAVA_HOME/bin:$PATH"
}

# --- PostgreSQL -------------------------------------------------------------

install_postgres() {
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
}

ensure_postgres() {
  install_postgres
  # Use whichever major version the Debian package brought; its postinst
  # normally creates the "main" cluster, but recreate it if it is gone.
  local ver
  ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
  [[ -n $ver ]] || dw_die "no PostgreSQL server under /usr/lib/postgresql"
  [[ -d /etc/postgresql/$ver/main ]] || pg_createcluster "$ver" main
  local port
  port=$(pg_lsclusters -h "$ver" main | awk '{print $3}')
  [[ $port == 5432 ]] || dw_die "cluster $ver/main uses port $port, expected 5432"

  # pg_ctlcluster drops to the postgres user itself (the server refuses root).
  if [[ $(pg_lsclusters -h "$ver" main) != *online* ]]; then
    dw_log "starting PostgreSQL $ver/main"
    pg_ctlcluster "$ver" main start || dw_die "pg_ctlcluster $ver main start failed"
  fi
  wait_for 30 "PostgreSQL on 127.0.0.1:5432" pg_isready -q -h 127.0.0.1 -p 5432 \
    || dw_die "PostgreSQL did not become ready (see /var/log/postgresql/)"

  # Idempotent: safe to run on every start. CREATE DATABASE cannot run inside
  # a DO block, hence the \gexec trick.
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres <<'SQL' || dw_die "could not create the driftwatch role/databases"
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'driftwatch') THEN
    CREATE ROLE driftwatch LOGIN PASSWORD 'driftwatch';
  ELSE
    ALTER ROLE driftwatch LOGIN PASSWORD 'driftwatch';
  END IF;
END $$;
SELECT format('CREATE DATABASE %I OWNER driftwatch', d)
  FROM unnest(ARRAY['driftwatch', 'driftwatch_test']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
SQL
  # Prove that the application's credentials really work over TCP.
  PGPASSWORD=driftwatch psql -X -q -h 127.0.0.1 -U driftwatch -d driftwatch_test -c 'SELECT 1' >/dev/null \
    || dw_die "cannot log in as driftwatch on 127.0.0.1:5432"
  dw_log "PostgreSQL $ver ready on 127.0.0.1:5432 (databases driftwatch, driftwatch_test)"
}

# ensure_fence_postgres: a second, throw-away PostgreSQL cluster ("fence", port 5433) for the tests that
# restart PostgreSQL under a running service (lock/TargetLockRestartIT, scan/ScanShutdownIT): they must
# never restart the main cluster others use. Idempotent; needs root (cluster creation) like ensure_postgres.
ensure_fence_postgres() {
  local ver
  ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
  [[ -n $ver ]] || dw_die "no PostgreSQL server under /usr/lib/postgresql"
  if [[ ! -d /etc/postgresql/$ver/fence ]]; then
    dw_log "creating PostgreSQL cluster $ver/fence on port 5433"
    pg_createcluster "$ver" fence --port 5433 >/dev/null || dw_die "pg_createcluster $ver fence failed"
  fi
  if [[ $(pg_lsclusters -h "$ver" fence) != *online* ]]; then
    pg_ctlcluster "$ver" fence start || dw_die "pg_ctlcluster $ver fence start failed"
  fi
  wait_for 30 "PostgreSQL on 127.0.0.1:5433" pg_isready -q -h 127.0.0.1 -p 5433 \
    || dw_die "PostgreSQL fence did not become ready (see /var/log/postgresql/)"
  runuser -u postgres -- psql -X -q -p 5433 -v ON_ERROR_STOP=1 -d postgres <<'SQL' || dw_die "could not create the fence role/database"
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'driftwatch') THEN
    CREATE ROLE driftwatch LOGIN PASSWORD 'driftwatch';
  END IF;
END $$;
SELECT 'CREATE DATABASE driftwatch_fence OWNER driftwatch'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'driftwatch_fence') \gexec
SQL
  dw_log "PostgreSQL $ver/fence ready on 127.0.0.1:5433 (database driftwatch_fence)"
}

# recreate_database NAME: a fresh, empty database owned by driftwatch.
recreate_database() {
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "SET client_min_messages = warning" \
    -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$1\" OWNER driftwatch" || dw_die "could not recreate database $1"
}

# --- moto (AWS emulator) ----------------------------------------------------

install_moto() {
  command -v moto_server >/dev/null && return
  # PIP_BREAK_SYSTEM_PACKAGES: Debian's own python3 refuses pip installs
  # otherwise (PEP 668); a pyenv/venv python ignores it.
  dw_log "pip install 'moto[server]'"
  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install -q 'moto[server]' || dw_die "pip install moto failed"
  if command -v pyenv >/dev/null; then pyenv rehash; fi   # new console script shim
  hash -r
  command -v moto_server >/dev/null || dw_die "moto installed but moto_server is not on PATH"
}

moto_answers() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/moto-api/"; }

ensure_moto() {
  local port=${1:?usage: ensure_moto PORT}
  install_moto
  if moto_answers "$port"; then
    dw_log "moto already answers on 127.0.0.1:$port; using it"
    return
  fi
  mkdir -p "$DW_LOCAL"
  moto_server -H 127.0.0.1 -p "$port" >"$DW_LOCAL/moto-$port.log" 2>&1 &
  local pid=$!
  DW_STARTED_PIDS+=("$pid")
  echo "$pid" >"$DW_LOCAL/moto-$port.pid"
  await_started "$pid" 30 "moto on port $port" "$DW_LOCAL/moto-$port.log" moto_answers "$port"
  dw_log "moto ready on http://127.0.0.1:$port (pid $pid)"
}

# --- Terraform (the parity tests apply real configurations to moto) --------

# aws_provider_mirror: the folder that holds registry.terraform.io/hashicorp/aws/...
# (an offline provider mirror): TF_PLUGIN_DIR if set, else the first one found on disk.
aws_provider_mirror() {
  if [[ -n ${TF_PLUGIN_DIR:-} ]]; then
    [[ -d $TF_PLUGIN_DIR/registry.terraform.io/hashicorp/aws ]] \
      || dw_die "TF_PLUGIN_DIR=$TF_PLUGIN_DIR holds no registry.terraform.io/hashicorp/aws/..."
    echo "$TF_PLUGIN_DIR"; return
  fi
  local bin
  bin=$(find / \( -path /proc -o -path /sys -o -path "$DW_ROOT" \) -prune -o \
    -path '*/registry.terraform.io/hashicorp/aws/*' -name 'terraform-provider-aws*' -print -quit 2>/dev/null || true)
  [[ -n $bin ]] || dw_die "no offline mirror of the Terraform AWS provider found (registry.terraform.io/hashicorp/aws/...); set TF_PLUGIN_DIR"
  echo "${bin%%/registry.terraform.io/*}"
}

# ensure_terraform: Terraform and the AWS provider mirror must be there (the
# parity tests fail without them); exports TF_PLUGIN_DIR for the tests.
ensure_terraform() {
  # A TF_CLI_CONFIG_FILE that names a missing file only makes terraform warn.
  if [[ -n ${TF_CLI_CONFIG_FILE:-} && ! -f $TF_CLI_CONFIG_FILE ]]; then unset TF_CLI_CONFIG_FILE; fi
  command -v terraform >/dev/null || dw_die "terraform is not on PATH: the tests apply real Terraform configurations (install Terraform 1.5+)"
  local version
  # Not `| head -n1`: with pipefail, terraform killed by SIGPIPE after the first line would count as failing.
  version=$(terraform version 2>&1) || dw_die "\`terraform version\` failed: $version"
  version=${version%%$'\n'*}
  TF_PLUGIN_DIR=$(aws_provider_mirror) || exit 1
  export TF_PLUGIN_DIR
  dw_log "$version, AWS provider mirror in $TF_PLUGIN_DIR"
}

# --- Kafka ------------------------------------------------------------------

# Fixed KRaft cluster id (base64url of "driftwatch-local"), so existing data
# under target/local/kafka always matches and formatting can be skipped.
DW_KAFKA_CLUSTER_ID=ZHJpZnR3YXRjaC1sb2NhbA

start_kafka() {
  if port_open 9092; then
    dw_log "something already listens on 127.0.0.1:9092; using it as Kafka"
    return
  fi
  local dir="$DW_LOCAL/kafka"
  mkdir -p "$dir"
  # No Kafka distribution to download: the broker is the kafka_2.13 jar that
  # the project already has as a test dependency.
  dw_log "resolving the Kafka broker classpath"
  (cd "$DW_ROOT" && ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$DW_LOCAL/kafka.classpath") || dw_die "could not resolve the Kafka classpath"
  # Leave out Quarkus' own jars: the broker needs none of them, and
  # quarkus-bootstrap-runner would take over logging and swallow Kafka's log.
  local cp
  cp=$(tr ':' '\n' <"$DW_LOCAL/kafka.classpath" | grep -v '/io/quarkus/' | paste -sd:)

  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:9093
log.dirs=$dir/data
num.partitions=1
auto.create.topics.enable=true
# One broker: every internal topic must make do with a single replica.
offsets.topic.num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  # The test classpath routes Kafka's SLF4J logging to JBoss LogManager; give
  # it a plain console configuration (stdout goes to kafka.log).
  cat >"$dir/logging.properties" <<'EOF'
logger.level=INFO
logger.handlers=CONSOLE
handler.CONSOLE=org.jboss.logmanager.handlers.ConsoleHandler
handler.CONSOLE.formatter=PATTERN
formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter
formatter.PATTERN.properties=pattern
formatter.PATTERN.pattern=%d{HH:mm:ss,SSS} %-5p [%c] %s%e%n
EOF
  # Kafka is only a side service here: cap its heap (the JVM default is 1/4 of RAM).
  local jvm=(-Xms128m -Xmx512m -XX:+UseG1GC
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager
    -Dlogging.configuration="file:$dir/logging.properties")
  java "${jvm[@]}" -cp "$cp" kafka.tools.StorageTool format --standalone --ignore-formatted \
    -t "$DW_KAFKA_CLUSTER_ID" -c "$dir/server.properties" >"$DW_LOCAL/kafka-format.log" 2>&1 \
    || dw_die "formatting Kafka storage failed: $(tail -n 20 "$DW_LOCAL/kafka-format.log")"

  dw_log "starting Kafka on 127.0.0.1:9092 (log: $DW_LOCAL/kafka.log)"
  java "${jvm[@]}" -cp "$cp" kafka.Kafka "$dir/server.properties" >"$DW_LOCAL/kafka.log" 2>&1 &
  local pid=$!
  DW_STARTED_PIDS+=("$pid")
  echo "$pid" >"$DW_LOCAL/kafka.pid"
  await_started "$pid" 60 "Kafka" "$DW_LOCAL/kafka.log" port_open 9092
  dw_log "Kafka ready on 127.0.0.1:9092 (pid $pid)"
}

# --- Prometheus (promtool checks and unit-tests the alert rules) ----------

# install_prometheus: Debian's Prometheus and Alertmanager; promtool comes with
# prometheus. Only the tools are wanted, so no recommends (node exporter); the
# daemons are not started by this script.
install_prometheus() {
  command -v promtool >/dev/null && command -v prometheus-alertmanager >/dev/null && return
  apt_install --no-install-recommends prometheus prometheus-alertmanager
  command -v promtool >/dev/null || dw_die "prometheus installed but promtool is not on PATH"
}

# --- Keycloak (a real identity provider for the auth tests) ----------------

DW_KEYCLOAK_VERSION=26.5.6
DW_KEYCLOAK_HOME="${DW_KEYCLOAK_HOME:-$HOME/.cache/keycloak/keycloak-$DW_KEYCLOAK_VERSION}"
# Keycloak 26 needs Java 21+: the Temurin 25 JDK, for Keycloak only (driftwatch stays on 17).
DW_KEYCLOAK_JAVA="${DW_KEYCLOAK_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64}"

keycloak_answers() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/realms/driftwatch/.well-known/openid-configuration"; }

# install_keycloak: the distribution from Maven Central (165 MB, once) under ~/.cache, built once
# (`kc.sh build`, so each start is `start --optimized` and skips Keycloak's own re-augmentation).
install_keycloak() {
  mkdir -p "$DW_LOCAL"
  [[ -x $DW_KEYCLOAK_JAVA/bin/java ]] || dw_die "Keycloak needs a Java 21+ JDK at $DW_KEYCLOAK_JAVA (set DW_KEYCLOAK_JAVA)"
  if [[ ! -x $DW_KEYCLOAK_HOME/bin/kc.sh ]]; then
    local cache=${DW_KEYCLOAK_HOME%/*}
    mkdir -p "$cache"
    dw_log "fetching Keycloak $DW_KEYCLOAK_VERSION"
    (cd "$DW_ROOT" && ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$DW_KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$cache") || dw_die "could not fetch keycloak-quarkus-dist $DW_KEYCLOAK_VERSION"
    (cd "$cache" && unzip -q -o "keycloak-quarkus-dist-$DW_KEYCLOAK_VERSION.zip") || dw_die "could not unzip Keycloak"
  fi
  if [[ ! -f $DW_KEYCLOAK_HOME/.driftwatch-built ]]; then
    dw_log "building Keycloak (once)"
    JAVA_HOME=$DW_KEYCLOAK_JAVA "$DW_KEYCLOAK_HOME/bin/kc.sh" build --db=dev-file >"$DW_LOCAL/keycloak-build.log" 2>&1 \
      || dw_die "kc.sh build failed: $(tail -n 20 "$DW_LOCAL/keycloak-build.log")"
    touch "$DW_KEYCLOAK_HOME/.driftwatch-built"
  fi
}

# ensure_keycloak [PORT]: Keycloak on 127.0.0.1:PORT (8180) with the driftwatch realm
# (deploy/local/keycloak/driftwatch-realm.json: users in groups, the driftwatch-cli client);
# exports KEYCLOAK_URL for the tests.
ensure_keycloak() {
  local port=${1:-8180}
  export KEYCLOAK_URL="http://127.0.0.1:$port"
  if keycloak_answers "$port"; then
    dw_log "Keycloak already answers on $KEYCLOAK_URL with the driftwatch realm; using it"
    return
  fi
  mkdir -p "$DW_LOCAL"
  install_keycloak
  mkdir -p "$DW_KEYCLOAK_HOME/data/import"
  cp "$DW_ROOT/deploy/local/keycloak/driftwatch-realm.json" "$DW_KEYCLOAK_HOME/data/import/"
  dw_log "starting Keycloak on $KEYCLOAK_URL (log: $DW_LOCAL/keycloak.log)"
  JAVA_HOME=$DW_KEYCLOAK_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$DW_KEYCLOAK_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
    --hostname-strict=false --import-realm >"$DW_LOCAL/keycloak.log" 2>&1 &
  local pid=$!
  DW_STARTED_PIDS+=("$pid")
  echo "$pid" >"$DW_LOCAL/keycloak.pid"
  local started=$SECONDS
  await_started "$pid" 480 "Keycloak on port $port" "$DW_LOCAL/keycloak.log" keycloak_answers "$port"
  dw_log "Keycloak ready on $KEYCLOAK_URL after $((SECONDS - started)) s (pid $pid)"
}

# --- the service ------------------------------------------------------------

# ensure_admin_token FILE: a bootstrap admin API token in FILE (mode 600), created once. The service stores
# its hash at start (driftwatch.auth.bootstrap-token-file); curl reads it from FILE.header, so the token
# never appears on a command line.
ensure_admin_token() {
  local file=$1
  mkdir -p "$(dirname "$file")"
  if [[ ! -s $file ]]; then
    (umask 077 && python3 -c 'import secrets; print("dwt_" + secrets.token_urlsafe(32))' >"$file")
  fi
  chmod 600 "$file"
  (umask 077 && printf 'Authorization: Bearer %s\n' "$(cat "$file")" >"$file.header")
  export DRIFTWATCH_AUTH_BOOTSTRAP_TOKEN_FILE=$file
}

# print_token_usage API FILE: how to call the API with the admin token.
print_token_usage() {
  cat >&2 <<EOF
The API wants a token. An admin token (named "bootstrap") is in $2; use it with
  curl -H @$2.header $1/api/findings
(curl reads the header from the file, so the token is not on a command line a process list shows),
and create tokens for pipelines with POST $1/api/tokens (README "Tokens for pipelines").
EOF
}

build_service() {
  dw_log "building driftwatch (./mvnw package -DskipTests)"
  (cd "$DW_ROOT" && ./mvnw -B -q package -DskipTests)
}

# --- cleanup ----------------------------------------------------------------

# Stops what this shell started, newest first: SIGTERM so Kafka and moto
# shut down cleanly, SIGKILL after 20 s. Keeps the caller's exit status.
# The failing tests of a Maven run with why they failed: the first lines of each stack trace and every
# "Caused by" (where a Quarkus boot failure says what went wrong). Args: a file made before the run (older
# reports are not this run's), then the report directories.
print_test_failures() {
    local since=$1 dir report shown=0
    shift
    for report in $(for dir in "$@"; do
        find "$dir" -name '*.txt' -newer "$since" 2>/dev/null | xargs -r grep -lE '<<< (FAILURE|ERROR)!'
    done); do
        [ "$shown" -lt 5 ] || { dw_log "(more failing classes: see the reports)"; break; }
        shown=$((shown + 1))
        printf '\n==> failed: %s\n' "$report"
        awk '/<<< (FAILURE|ERROR)!/ {n = 25} n > 0 {print; n--; next} /^Caused by:/ {print; c = 3; next} c > 0 {print; c--}' "$report"
    done
}

stop_started_services() {
  local rc=$? i pid
  for ((i = ${#DW_STARTED_PIDS[@]} - 1; i >= 0; i--)); do
    pid=${DW_STARTED_PIDS[i]}
    kill -0 "$pid" 2>/dev/null || continue
    dw_log "stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  DW_STARTED_PIDS=()
  return "$rc"
}
