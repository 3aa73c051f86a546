{{/* Chart name, overridable. */}}
{{- define "sector.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped base name; components append their own suffix (sector-node, sector-locator, ...). */}}
{{- define "sector.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Name of one component's objects. Call with (dict "root" $ "component" "node").
Kept short: StatefulSet pod names add "-<ordinal>" and must stay a DNS label.
*/}}
{{- define "sector.componentName" -}}
{{- printf "%s-%s" (include "sector.fullname" .root) .component | trunc 52 | trimSuffix "-" }}
{{- end }}

{{- define "sector.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sector.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "sector.labels" -}}
{{ include "sector.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: sector
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Image reference of a component; values is that component's block. */}}
{{- define "sector.image" -}}
{{- printf "%s:%s" .values.image.repository (default .root.Chart.AppVersion .values.image.tag) }}
{{- end }}

{{/* Stable DNS name of pod <ordinal> of a component's StatefulSet. */}}
{{- define "sector.podHost" -}}
{{- $name := include "sector.componentName" . }}
{{- printf "%s-%d.%s.%s.svc.%s" $name (int .ordinal) $name .root.Release.Namespace .root.Values.clusterDomain }}
{{- end }}

{{/*
Seed list of a component's ring: "host:port" of every pod, pod 0 first, comma-separated. Call with
(dict "root" $ "component" "node" "replicas" N "port" P). Every pod gets the same list; a node
skips its own entry, and only the first entry (pod 0) may found the ring.
*/}}
{{- define "sector.seeds" -}}
{{- $seeds := list }}
{{- range $ordinal := until (int .replicas) }}
{{- $host := include "sector.podHost" (dict "root" $.root "component" $.component "ordinal" $ordinal) }}
{{- $seeds = append $seeds (printf "%s:%d" $host (int $.port)) }}
{{- end }}
{{- join "," $seeds }}
{{- end }}

{{/*
Pod annotations that let an annotation-driven Prometheus scrape a pod. No prometheus.io/port: a pod
runs several services, and every port it declares serves /actuator/prometheus.
*/}}
{{- define "sector.prometheusAnnotations" -}}
{{- if .root.Values.prometheusAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/path: /actuator/prometheus
{{- end }}
{{- end }}

{{/*
Probes of a Spring Boot service on its named HTTP port. A JVM on a busy node can take a minute to
start, so liveness only counts once the startup probe (up to three minutes) has passed.
*/}}
{{- define "sector.actuatorProbes" -}}
startupProbe:
  httpGet:
    path: /actuator/health/liveness
    port: {{ . }}
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: {{ . }}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: {{ . }}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end }}

{{/* Soft anti-affinity: spread a component's pods over Kubernetes nodes when it can. */}}
{{- define "sector.spreadAffinity" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "sector.selectorLabels" . | nindent 12 }}
{{- end }}

{{/* The Secret holding the transfer agents' ticket secret: the operator's, or the one the chart keeps. */}}
{{- define "sector.transferSecretName" -}}
{{- default (include "sector.componentName" (dict "root" . "component" "transfer")) .Values.transfer.secret.name }}
{{- end }}
