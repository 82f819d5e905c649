# Two commands do everything on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: install run test bench lint seed

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

run: install
	$(VENV)/bin/qanun seed
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.headless true \
		--browser.gatherUsageStats false

test: install
	$(PY) -m pytest -n 2 --timeout 600 -q

bench: install
	@for f in bench/*.py; do $(PY) $$f || exit 1; done

lint: install
	$(VENV)/bin/ruff check .
