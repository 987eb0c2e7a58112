#!/bin/sh
# The man page stays true: the options it lists under OPTIONS are exactly the ones
# `cw-inspector --help` lists. Usage: check_manpage.sh BINARY MANPAGE
set -eu
binary=$1
page=$2
help=$(QT_QPA_PLATFORM=offscreen "$binary" --help)
from_help=$(printf '%s\n' "$help" | grep -E '^ +-' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
# The line after each .TP in the OPTIONS section names the option(s): "\-\-no\-live" -> --no-live.
from_page=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$page" | awk 'prev == ".TP" { print } { prev = $0 }' \
    | sed 's/\\-/-/g' | grep -oE -- '--[a-z][a-z-]*' | sort -u)
if [ "$from_help" != "$from_page" ]; then
    echo "The man page's options differ from --help:" >&2
    diff -u /dev/fd/3 /dev/fd/4 3<<EOF3 4<<EOF4 >&2 || true
$from_help
EOF3
$from_page
EOF4
    exit 1
fi
# Every view --help names is described under VIEWS.
# The names are read from --view's own help text (after "dashboard):"), not from a kept list.
views=$(printf '%s\n' "$help" | sed -n '/--view <view>/,/^  --[a-z]/p' | sed '$d' | tr '\n' ' ' \
    | sed 's/.*dashboard)://' | tr ',' '\n' | awk '{print $1}' | cut -d: -f1 | cut -d'[' -f1 | tr -d '.' \
    | grep -E '^[a-z]+$')
[ "$(printf '%s\n' "$views" | wc -l)" -ge 10 ] || { echo "could not read the view names from --help" >&2; exit 1; }
for view in $views; do
    sed -n '/^\.SH VIEWS/,/^\.SH /p' "$page" | grep -qE "^\.B[IR]? ${view}\b" || {
        echo "View $view is in --help but not in the man page" >&2
        exit 1
    }
done
echo "man page and --help agree: $(printf '%s\n' "$from_help" | wc -l) options"
