#!/usr/bin/env bash
# Scans a running release server with two open-source web scanners: wapiti (crawls and attacks
# every form and parameter it finds: injections, XSS, CRLF, file handling, open redirects,
# headers, CSP, cookies) signed in as a resident and as a case officer, and sqlmap on the forms
# and search parameters that reach the database. Findings go to docs/security.md, each fixed or
# explained.
#
# Usage: bench/scan.sh [BIN_DIR]   (default: scripts/build.sh's release build)
#   SCAN_ONLY     which identities wapiti scans (default "anonymous resident contact-agent")
#   SCAN_SECONDS  wapiti's attack time per identity (default 600), shared by its nine attack modules
#                 (wapiti's --max-scan-time alone did not bound a run: one module went on past it)
# Writes the reports into $SCAN_OUT (default: a temporary folder, printed) and a summary to stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
source "$here/bench/fresh-server.sh"
bin_dir=${1:-$("$here/scripts/build.sh")}
seconds=${SCAN_SECONDS:-600}
tools=${STADSPORTEN_TOOLS:-$HOME/.cache/stadsporten/tools}
venv="$tools/scan-venv-wapiti-3.2.3-sqlmap-1.10.10"
if [ ! -x "$venv/bin/wapiti" ] || [ ! -x "$venv/bin/sqlmap" ]; then
  echo "scan: installing wapiti3 3.2.3 and sqlmap 1.10.10 (PyPI)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "wapiti3==3.2.3" "sqlmap==1.10.10"
fi
out=${SCAN_OUT:-$(mktemp -d)}
mkdir -p "$out"
fresh_server sqlite 3971 scan
echo "scan: server at $base, reports in $out" >&2
# A signed-in session for each identity (the built-in test provider, as bench/session.sh does).
session() {
  local kind=$1 persona=$2 realm jar authorize query callback
  realm=$([ "$kind" = staff ] && echo staff || echo eid)
  jar=$(mktemp)
  loc() { curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -H "Origin: $base" "$@"; }
  authorize=$(loc "$base/auth/login?as=$kind&to=/")
  curl -s -o /dev/null -b "$jar" -c "$jar" "$authorize"
  query=${authorize#*\?}
  callback=$(loc -X POST --data "$query&persona=$persona" "$base/test-idp/$realm/authorize/choose")
  curl -s -o /dev/null -b "$jar" -c "$jar" "$callback"
  awk '$6 == "__Host-stadsporten" {print $7}' "$jar"
  rm -f "$jar"
}
csrf_of() { curl -s -H "Cookie: __Host-stadsporten=$1" "$base$2" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
wapiti_as() {
  local name=$1 cookie=$2
  # With the site's own Origin: without it every POST stops at the same-site check (a 403 before
  # any handler) and the forms' handlers would go unattacked. Signed in, a form still needs its
  # CSRF token, which wapiti takes from the form as a browser would.
  # Every default module but ssl (no TLS here: HSTS and cookies are checked by the HTTP stories)
  # and ssrf (it needs wapiti's endpoint on the internet), plus crlf, csrf and methods.
  "$venv/bin/wapiti" -u "$base/" --scope folder --flush-session --tasks 4 --depth 8 \
    -m "xss,permanentxss,sql,exec,file,redirect,upload,crlf,csrf,http_headers,cookieflags,csp,methods" \
    --max-attack-time "$((seconds / 9))" --max-scan-time "$((seconds + 300))" \
    -x "$base/auth/logout" -x "$base/pkg/*" -H "Origin: $base" \
    ${cookie:+-C "__Host-stadsporten=$cookie"} -f json -o "$out/wapiti-$name.json" >"$out/wapiti-$name.log" 2>&1 || true
  python3 - "$out/wapiti-$name.json" "$name" <<'PY'
import json, sys
path, name = sys.argv[1], sys.argv[2]
try:
    report = json.load(open(path))
except Exception as e:
    print(f"| wapiti ({name}) | no report: {e} |"); sys.exit(0)
def counts(section):
    return {k: len(v) for k, v in report.get(section, {}).items() if isinstance(v, list) and v}
crawled = report.get("infos", {}).get("crawled_pages_nbr", "?")
found, anomalies, more = counts("vulnerabilities"), counts("anomalies"), counts("additionals")
print(f"| wapiti ({name}) | pages {crawled}; vulnerabilities {found or 'none'}; anomalies {anomalies or 'none'}; other {more or 'none'} |")
for section in ("vulnerabilities", "anomalies"):
    for kind, items in report.get(section, {}).items():
        for v in items if isinstance(items, list) else []:
            print(f"|   {kind} | {v.get('method')} {v.get('path')} {v.get('parameter') or ''}: {v.get('info', '')[:160]} |")
PY
}
echo "| scanner | result |"
echo "|---|---|"
only=" ${SCAN_ONLY:-anonymous resident contact-agent} "
[[ $only == *" anonymous "* ]] && wapiti_as anonymous ""
resident=$(session resident anna)
[[ $only == *" resident "* ]] && wapiti_as resident "$resident"
agent=$(session staff lena)
[[ $only == *" contact-agent "* ]] && wapiti_as contact-agent "$agent"
# sqlmap: the catalogue's and the comparison's search parameters, and a signed-in form that reaches
# the database with a personnummer (the contact centre's look-up).
sql() {
  local name=$1; shift
  "$venv/bin/sqlmap" --batch --level 3 --risk 2 --flush-session --output-dir "$out/sqlmap-$name" "$@" \
    >"$out/sqlmap-$name.log" 2>&1 || true
  if grep -q "appears to be injectable\|is vulnerable" "$out/sqlmap-$name.log"; then
    echo "| sqlmap ($name) | INJECTABLE: see $out/sqlmap-$name.log |"
  else
    echo "| sqlmap ($name) | $(grep -c "testing '" "$out/sqlmap-$name.log") tests, nothing injectable |"
  fi
}
sql catalogue -u "$base/services?q=bygglov&situation=bygga-och-bo&page=1" -p q,situation
sql compare -u "$base/compare?kind=preschool&district=Norrmalm&q=ekorren&sort=name" -p district,q,sort
csrf=$(csrf_of "$agent" /contact/lookup)
sql lookup -u "$base/contact/lookup" --method POST \
  --data "csrf=$csrf&reason=caller-asks-about-case&explanation=Fragar+om+sitt+arende&by=pnr&pnr=198503129820" \
  -p pnr,explanation --cookie "__Host-stadsporten=$agent" -H "Origin: $base"
echo "scan: the server's log: $work/server.log; reports: $out" >&2
