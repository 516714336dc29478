{{/* The name of one component of this release, e.g. kb-orders. */}}
{{- define "kinobezdna.name" -}}
{{- printf "%s-%s" .release .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kinobezdna.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .release }}
app.kubernetes.io/part-of: kinobezdna
{{- end -}}

{{- define "kinobezdna.selector" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .release }}
{{- end -}}

{{/* The Kafka brokers' addresses, through the headless service of the StatefulSet. */}}
{{- define "kinobezdna.kafkaBootstrap" -}}
{{- $root := . -}}
{{- $brokers := list -}}
{{- range $i := until (int .Values.kafka.replicas) -}}
{{- $brokers = append $brokers (printf "%s-kafka-%d.%s-kafka:9092" $root.Release.Name $i $root.Release.Name) -}}
{{- end -}}
{{- join "," $brokers -}}
{{- end -}}

{{/* A generated secret value that survives upgrades: the one already stored, or a new one. */}}
{{- define "kinobezdna.secretValue" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace (printf "%s-secrets" .root.Release.Name) -}}
{{- $stored := "" -}}
{{- if $existing -}}
{{- $stored = index (default dict $existing.data) .key | default "" -}}
{{- end -}}
{{- $stored | default (randAlphaNum 32 | b64enc) -}}
{{- end -}}
