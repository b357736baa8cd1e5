# shellcheck shell=sh
# Finds a Java of at least a given feature version and exports JAVA_HOME to it. Sourced (POSIX sh) by
# bin/junction and by the project's ./mvnw, because the default `java` of many machines is older than 21.
#
#   junction_java_home 21 jdk   # needs javac too (building)
#   junction_java_home 21 jre   # java is enough (running)
#
# Order: $JAVA_HOME, the `java` on PATH, then the newest under the usual install folders.

junction_java_feature() { # prints the feature version of the Java in folder $1, or nothing
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

junction_java_usable() { # $1 folder, $2 minimum feature version, $3 jdk|jre
  [ -x "$1/bin/java" ] || return 1
  [ "$3" != jdk ] || [ -x "$1/bin/javac" ] || return 1
  junction_java_v=$(junction_java_feature "$1")
  [ -n "$junction_java_v" ] && [ "$junction_java_v" -ge "$2" ]
}

junction_java_home() {
  junction_java_min=$1 junction_java_kind=${2:-jre}
  if [ -n "${JAVA_HOME:-}" ] && junction_java_usable "$JAVA_HOME" "$junction_java_min" "$junction_java_kind"; then
    return 0
  fi
  junction_java_onpath=$(command -v java 2>/dev/null || true)
  if [ -n "$junction_java_onpath" ]; then
    junction_java_onpath=$(dirname "$(dirname "$(readlink -f "$junction_java_onpath")")")
    if junction_java_usable "$junction_java_onpath" "$junction_java_min" "$junction_java_kind"; then
      JAVA_HOME=$junction_java_onpath; export JAVA_HOME; return 0
    fi
  fi
  case $- in *f*) junction_java_noglob=1; set +f ;; *) junction_java_noglob=0 ;; esac
  junction_java_best="" junction_java_best_v=0
  for junction_java_dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
      "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$junction_java_dir" ] || continue
    if junction_java_usable "$junction_java_dir" "$junction_java_min" "$junction_java_kind" \
        && [ "$junction_java_v" -gt "$junction_java_best_v" ]; then
      junction_java_best=$junction_java_dir junction_java_best_v=$junction_java_v
    fi
  done
  [ "$junction_java_noglob" = 0 ] || set -f
  if [ -n "$junction_java_best" ]; then
    JAVA_HOME=$junction_java_best; export JAVA_HOME; return 0
  fi
  echo "Junction needs a Java $junction_java_min or newer ($junction_java_kind), and none was found." >&2
  echo "  JAVA_HOME=${JAVA_HOME:-<unset>}; java on PATH: $(java -version 2>&1 | head -n 1 || echo none)" >&2
  echo "  Looked in /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks. Install a JDK $junction_java_min+ (e.g. Temurin) or set JAVA_HOME to one." >&2
  return 1
}
