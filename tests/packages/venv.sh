# Sourced by the Python package tests: make_venv PYTHON DIR [VENV OPTIONS...]
# makes a fresh venv of PYTHON in DIR and pip-installs $wheel into it with no
# index (offline). Debian's pip does the install (--python): seeding every venv
# with its own pip would triple the time. On failure prints a FAIL line and the log.
make_venv() {
  python=$1 venv=$2
  shift 2
  if ! "$python" -m venv --without-pip "$@" "$venv" > "$venv.log" 2>&1 ||
     ! /usr/bin/python3 -m pip --python "$venv/bin/python" install --quiet --no-index \
       --disable-pip-version-check "$wheel" >> "$venv.log" 2>&1; then
    echo "FAIL python package: install of $wheel into a venv of $python:"
    sed 's/^/  /' "$venv.log"
    return 1
  fi
}

# Sets $wheel to the newest wheel in build/, or prints a FAIL line.
find_wheel() {
  wheel=$(ls -t build/sqlite_news-*.whl 2>/dev/null | head -n 1)
  [ -n "$wheel" ] && return 0
  echo "FAIL python package: no wheel in build/ (make python builds it)"
  return 1
}

# /usr/bin/python3 with venv and pip, or a SKIP line naming what to install.
have_system_python() {
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import ensurepip, venv, pip' 2>/dev/null && return 0
  echo "SKIP: $1: needs /usr/bin/python3 with venv and pip (apt-get install python3-venv python3-pip)"
  return 1
}
