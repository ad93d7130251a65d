# Packaging (included by the Makefile): the one-folder bundle, its smoke test, the Linux launcher entry.
#   make package            build dist/factlight/ (PyInstaller, packaging/factlight.spec)
#   make package-check      validate the Linux metadata, build, then smoke-test the built program
#   make package-validate   desktop-file-validate and appstreamcli validate --no-net on packaging/linux/
#   make install-desktop    launcher entry, icons and metainfo for the current user (~/.local/share)
#   make uninstall-desktop  remove them again
#   make deb                dist/factlight_<version>_<arch>.deb from the bundle (packaging/build_deb.py), lintian
#   make deb-check          install it with dpkg -i, run the installed program, remove it, check nothing is left
APP_ID         := io.github.factlight.Factlight
BUNDLE         := dist/factlight
PYINSTALLER    := $(BIN)/pyinstaller
LINUX_META     := packaging/linux/$(APP_ID).desktop packaging/linux/$(APP_ID).metainfo.xml
# Installed into .venv beside the dev tools; the spec keeps both out of the bundle.
PYINSTALLER_REQ := pyinstaller>=6.10,<7

.PHONY: package package-build-deps package-check package-validate install-desktop uninstall-desktop deb deb-tools deb-check

$(VENV)/.installed-pyinstaller: $(VENV)/.installed-dev packaging/package.mk
	$(PIP) install '$(PYINSTALLER_REQ)'
	@touch $@

# Qt's X11 platform plugin links libxcb-icccm and libxcb-keysyms. PyInstaller bundles only the libraries
# the build machine has, so they are installed first where apt-get can run; without them the bundle would
# start on X11 only where the reader's system happens to have them (check_bundle.py checks the bundle).
XCB_DEBS := libxcb-icccm4 libxcb-keysyms1

package-build-deps:
	@[ "$$(uname -s)" = Linux ] || exit 0; \
	ldconfig=$$(command -v ldconfig || echo /sbin/ldconfig); missing=; \
	for lib in libxcb-icccm.so.4 libxcb-keysyms.so.1; do $$ldconfig -p 2>/dev/null | grep -q $$lib || missing=yes; done; \
	[ -n "$$missing" ] || exit 0; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "package: install $(XCB_DEBS) so that the bundle carries them"; exit 0; fi; \
	echo "installing $(XCB_DEBS) with apt-get, for the bundle's X11 support"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(XCB_DEBS) >/dev/null

# Always a full build: PyInstaller reuses its analysis in build/pyinstaller when nothing changed.
package: $(VENV)/.installed-pyinstaller package-build-deps
	@rm -rf $(BUNDLE); mkdir -p build; start=$$(date +%s); \
	if $(PYINSTALLER) --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/factlight.spec >build/pyinstaller.log 2>&1; then status=0; else status=$$?; fi; \
	grep -v -e 'Library .* required via ctypes not found' -e 'Library not found: could not resolve' \
		-e "Failed to collect submodules for 'catalogue._importlib_metadata'" build/pyinstaller.log || true; \
	if [ $$status != 0 ] || [ ! -x $(BUNDLE)/factlight ]; then \
		echo "package: PyInstaller failed (exit $$status), full log in build/pyinstaller.log"; exit 1; fi; \
	echo "built $(BUNDLE) in $$(( $$(date +%s) - start )) s, $$(du -sh $(BUNDLE) | cut -f1) on disk"

$(BUNDLE)/factlight:
	$(MAKE) --no-print-directory package

package-check: package-validate package
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/check_bundle.py --bundle $(BUNDLE)

# The validators come from Debian's desktop-file-utils and appstream; installed here when missing and
# apt-get can run (as root, or through password-less sudo).
package-validate:
	@if ! command -v desktop-file-validate >/dev/null 2>&1 || ! command -v appstreamcli >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then SUDO=; \
		elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
		else echo "package-validate: install desktop-file-utils and appstream (desktop-file-validate, appstreamcli)"; exit 1; fi; \
		echo "installing desktop-file-utils and appstream with apt-get"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq desktop-file-utils appstream >/dev/null; \
	fi
	desktop-file-validate packaging/linux/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/linux/$(APP_ID).metainfo.xml

install-desktop: $(BUNDLE)/factlight
	sh packaging/linux/install-desktop.sh install "$(abspath $(BUNDLE))/factlight"

uninstall-desktop:
	sh packaging/linux/install-desktop.sh uninstall

# The Debian package. Its version is the top entry of packaging/debian/changelog (build_deb.py checks that it
# matches the program's). xz by default; DEB_COMPRESSION=gzip builds in seconds instead of minutes, larger
# (lintian calls zstd, which dpkg-deb also writes, a malformed archive).
DEB_VERSION     := $(shell awk -F'[()]' 'NR==1 {print $$2}' packaging/debian/changelog)
DEB_ARCH        := $(shell dpkg --print-architecture 2>/dev/null || echo unknown)
DEB             := dist/factlight_$(DEB_VERSION)_$(DEB_ARCH).deb
DEB_COMPRESSION ?= xz
DEB_TOOLS       := lintian chrpath

# dpkg-deb comes with dpkg; lintian and chrpath are installed here when missing and apt-get can run.
deb-tools:
	@missing=; for tool in $(DEB_TOOLS) dpkg-deb; do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	[ -n "$$missing" ] || exit 0; \
	if ! command -v dpkg-deb >/dev/null 2>&1; then echo "deb: dpkg-deb is missing: make deb needs Debian or Ubuntu"; exit 1; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "deb: install$$missing (apt-get install$$missing)"; exit 1; fi; \
	echo "installing$$missing with apt-get"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null

deb: package deb-tools
	$(BIN)/python packaging/build_deb.py --bundle $(BUNDLE) --out dist --compression $(DEB_COMPRESSION)
	@echo "lintian $(DEB) (errors fail the build; the overrides and their reasons: packaging/debian/lintian-overrides)"
	@lintian --tag-display-limit 0 $(DEB) >build/deb/lintian.txt 2>&1; status=$$?; \
	grep -v -e '^running with root privileges' build/deb/lintian.txt; \
	echo "lintian: $$(grep -c '^E:' build/deb/lintian.txt) errors, $$(grep -c '^W:' build/deb/lintian.txt) warnings, \
	$$(grep -c '^I:' build/deb/lintian.txt) notes (exit $$status)"; exit $$status

deb-check: deb
	$(BIN)/python packaging/check_deb.py --deb $(DEB)
