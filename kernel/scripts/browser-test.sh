#!/usr/bin/env bash
# The notebooks as a student meets them, against the notebook server ./start.sh starts:
#   1. every notebook link resolves (kernel/scripts/notebook-links-test.py)
#   2. the kernel over Jupyter's protocol: 100,000 printed lines arrive whole, an interrupt stops
#      the queue, a training bar updates in place (kernel/scripts/jupyter-protocol-test.py)
#   3. headless Chromium: tree, Run All of two notebooks, an exercise link, a moving training bar,
#      Kernel > Interrupt (kernel/scripts/browser-test.py; screenshots in kernel/target/browser-test/)
#
#   kernel/scripts/browser-test.sh
#
# Installs the kernelspec from this checkout (./start.sh --install-only), nothing else. Needs the
# Debian packages jupyter-notebook, jupyter-client, chromium, chromium-driver, python3-selenium.
# Notebooks run in quick mode. About 3 minutes on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
cd "$ROOT"
# the kernels Jupyter starts get the right OpenBLAS kernels (see lib/blas-env.sh)
source "$ROOT/lib/blas-env.sh"

missing=()
command -v jupyter-notebook >/dev/null || missing+=(jupyter-notebook)
/usr/bin/python3 -c "import jupyter_client" 2>/dev/null || missing+=(jupyter-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
/usr/bin/python3 -c "import selenium" 2>/dev/null || missing+=(python3-selenium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser-test.sh: missing Debian packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi

./start.sh --install-only
failed=0
for test in notebook-links-test.py jupyter-protocol-test.py browser-test.py; do
  echo "== $test"
  DLFS_QUICK=1 /usr/bin/python3 "kernel/scripts/$test" || failed=$((failed + 1))
done
if [ "$failed" -gt 0 ]; then
  echo "browser-test.sh: $failed of 3 test scripts failed" >&2
  exit 1
fi
