# The two commands (see README): `make run` and `make test`. Both set everything up first and are
# idempotent. Other targets are shortcuts used by those two and by developers.
.PHONY: run test check setup build e2e bench fmt audit-verify

run:
	scripts/run.sh

test:
	scripts/test.sh

# The inner loop: fmt, the module check, clippy, unit tests, one crate's integration tests
# (CRATE=db by default; CRATE=server for the HTTP stories).
check:
	scripts/check.sh

setup:
	scripts/setup.sh

build: setup
	scripts/build.sh

e2e: setup
	scripts/e2e.sh

bench: setup
	bench/run.sh

fmt:
	cargo fmt --all

# Checks the audit trail's hash chain in the configured database (DATABASE_URL or config/).
audit-verify:
	cargo run --quiet -p stadsporten-server -- audit-verify
