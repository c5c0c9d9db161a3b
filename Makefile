# Build targets for `sam build` (every function and the layer in template.yaml has `BuildMethod: makefile`).
#
# SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set to the folder it zips for that resource; the same
# works by hand from the project root, e.g. `make build-RegisterUserFunction ARTIFACTS_DIR=/tmp/x`.
#
#   build-DependenciesLayer    runtime dependencies of the three services (Spring, the AWS SDK, shared-domain,
#                              shared-platform, the adapters, ...) into $(ARTIFACTS_DIR)/java/lib, which Lambda puts on the
#                              classpath from /opt/java/lib
#   build-<Function>           only that function's service classes and resources into $(ARTIFACTS_DIR)
#                              (a few dozen KB), so a code change uploads a small zip, not the dependencies
#
# Each service is compiled once (Maven's incremental build, `-pl <service> -am`), guarded by a stamp file that
# is newer than every source it was built from: the second function of the same service, and any later build
# with no source change, only copy. Stamps live in target/sam-make (gone with `./mvnw clean` or `make clean`).
# `package` also runs Spring AOT (process-aot, in each service's pom): the generated context initializer and bean
# definitions land in target/classes and so in the function's artifact, which the functions use with
# -Dspring.aot.enabled=true (template.yaml). A target/classes compiled without it (e.g. `./mvnw clean test`) has no
# target/spring-aot, so the stamp is rebuilt rather than copying classes that AOT mode cannot start.
#
# Maven contacts Maven Central only for what the local repository lacks, so a new machine with an empty repository
# and a warm one run the same command (no offline-first guess: offline mode saves nothing when everything is there,
# and on an empty repository it fails in ways no fallback can recognise). The plugins called here by prefix are
# pinned in the root pom. Maven needs JDK 21 or newer: set JAVA_HOME before `sam build`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# The project root is where this Makefile lives, whatever folder SAM runs make in.
ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
STATE := $(ROOT)/target/sam-make
MVNW := $(ROOT)/mvnw
MVN_FLAGS ?= -q -B

SERVICES := user-service order-service notification-service

USER_FUNCTIONS := RegisterUserFunction GetUserFunction UpdateUserFunction DeleteUserFunction RelayUserEventsFunction \
	PreTokenGenerationFunction
ORDER_FUNCTIONS := PlaceOrderFunction GetOrderFunction ListOrdersFunction CancelOrderFunction \
	CancelOrdersOfDeletedUserFunction RelayOrderEventsFunction
NOTIFICATION_FUNCTIONS := SendNotificationsFunction ProjectRecipientsFunction PurgeRecipientFunction \
	ListNotificationsFunction

# What a build depends on: poms and main sources (tests do not reach a Lambda artifact). The libraries are every
# module outside services/ (shared-domain, shared-platform, adapters, ...), found rather than listed.
main_sources = $(1)/pom.xml $(shell find $(1)/src/main -type f 2>/dev/null)
SHARED_INPUTS := $(shell find $(ROOT) \( -name target -o -name node_modules -o -name .git -o -name .aws-sam \
	-o -path $(ROOT)/services -o -path $(ROOT)/local-cloud -o -path $(ROOT)/deployment-tests \
	-o -path $(ROOT)/benchmarks \) -prune \
	-o -type f \( -name pom.xml -o -path '*/src/main/*' \) -print)
SERVICE_POMS := $(foreach s,$(SERVICES),$(ROOT)/services/$(s)/pom.xml)

# A stamp is also out of date when the output it stands for has gone (e.g. after `./mvnw clean` in one module).
missing = $(if $(wildcard $(1)),,FORCE)

empty :=
space := $(empty) $(empty)
comma := ,

# $(call mvn,<arguments>): Maven from the project root.
mvn = cd $(ROOT) && $(MVNW) $(MVN_FLAGS) $(1)

# Every build-* target writes into ARTIFACTS_DIR: say so before building anything.
ifneq ($(filter build-%,$(MAKECMDGOALS)),)
ifeq ($(strip $(ARTIFACTS_DIR)),)
$(error ARTIFACTS_DIR is not set: sam build sets it; by hand, run make $(firstword $(MAKECMDGOALS)) ARTIFACTS_DIR=/some/dir)
endif
endif

.PHONY: help clean FORCE build-DependenciesLayer \
	$(addprefix build-,$(USER_FUNCTIONS) $(ORDER_FUNCTIONS) $(NOTIFICATION_FUNCTIONS))

help:
	@echo "Targets called by sam build (ARTIFACTS_DIR=<dir> when run by hand):"
	@echo "  build-DependenciesLayer"
	@for f in $(USER_FUNCTIONS) $(ORDER_FUNCTIONS) $(NOTIFICATION_FUNCTIONS); do echo "  build-$$f"; done
	@echo "Other: clean (removes target/sam-make and .aws-sam)"

FORCE:

# ---- one compile per service --------------------------------------------------------------------------------
define service_rules
$(STATE)/$(1).stamp: $(SHARED_INPUTS) $(call main_sources,$(ROOT)/services/$(1)) \
		$(call missing,$(ROOT)/services/$(1)/target/classes) \
		$(call missing,$(ROOT)/services/$(1)/target/spring-aot/main/sources)
	$$(call mvn,-pl services/$(1) -am package -DskipTests)
	@mkdir -p $$(@D) && touch $$@
endef
$(foreach s,$(SERVICES),$(eval $(call service_rules,$(s))))

# $(call copy_classes,<service>): the service's own compiled classes and resources, nothing else.
define copy_classes
mkdir -p "$(ARTIFACTS_DIR)"
cp -R $(ROOT)/services/$(1)/target/classes/. "$(ARTIFACTS_DIR)/"
endef

$(addprefix build-,$(USER_FUNCTIONS)): $(STATE)/user-service.stamp
	$(call copy_classes,user-service)

$(addprefix build-,$(ORDER_FUNCTIONS)): $(STATE)/order-service.stamp
	$(call copy_classes,order-service)

$(addprefix build-,$(NOTIFICATION_FUNCTIONS)): $(STATE)/notification-service.stamp
	$(call copy_classes,notification-service)

# ---- the dependencies layer ---------------------------------------------------------------------------------
# Runtime scope only (no test or provided jars); the shared modules' jars come from this same reactor build.
# Only the services' runtime dependencies: `-am` also builds modules the services need only for tests (the
# emulators), and their dependencies must not reach the layer. That build packages every service too, so it also
# stamps them: the functions that `sam build` builds next only copy.
$(STATE)/layer.stamp: $(SHARED_INPUTS) $(SERVICE_POMS) $(call missing,$(STATE)/layer/java/lib)
	rm -rf $(STATE)/layer $(foreach s,$(SERVICES),$(ROOT)/services/$(s)/target/dependency)
	$(call mvn,-pl $(subst $(space),$(comma),$(addprefix services/,$(SERVICES))) -am package \
		dependency:copy-dependencies -DskipTests -DincludeScope=runtime)
	mkdir -p $(STATE)/layer/java/lib
	$(foreach s,$(SERVICES),cp -f $(ROOT)/services/$(s)/target/dependency/*.jar $(STATE)/layer/java/lib/ &&) true
	@touch $@ $(foreach s,$(SERVICES),$(STATE)/$(s).stamp)

build-DependenciesLayer: $(STATE)/layer.stamp
	mkdir -p "$(ARTIFACTS_DIR)/java/lib"
	cp $(STATE)/layer/java/lib/*.jar "$(ARTIFACTS_DIR)/java/lib/"

clean:
	rm -rf $(STATE) $(ROOT)/.aws-sam
