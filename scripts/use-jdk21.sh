# Sourced by .ci/run and local-cloud/run: export JAVA_HOME (and PATH) for a JDK 21 or newer, the build's minimum
# (the Lambda runtime is java21). Keeps JAVA_HOME when it already is one, else takes the first under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
pick_jdk() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
JAVA_HOME="$(pick_jdk)" || { echo "needs a JDK 21 or newer under /usr/lib/jvm or in JAVA_HOME" >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
