# Installs the Debian packages the toolkit needs, when they are missing. Sourced by the scripts.
# Packages come only from Debian's registry; nothing is downloaded from elsewhere.

# What building the toolkit needs (see ../shared/BUILD-NOTES.md: the cmark-gfm packages are not on a new machine;
# librsvg2-dev draws SVG badge art as PNG; libcurl4-openssl-dev lets the release link Foundation's networking
# statically, for `toolkit badges contexts install`).
BUILD_PACKAGES=(pkg-config libxml2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev librsvg2-dev libcurl4-openssl-dev)

# ensure_packages PACKAGE...: installs the missing ones (as root), or says how to and fails.
ensure_packages() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "error: missing system packages: ${missing[*]}" >&2
    echo "       install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 2
  fi
  echo "Installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
