variable "role_name" {
  description = "Name of driftwatch's own role (member accounts trust it: the member module's driftwatch_principal_arn)."
  type        = string
  default     = "driftwatch"
}

variable "pod_identity" {
  description = "true: trusted through EKS Pod Identity; false: through IRSA (oidc_provider_arn and oidc_provider)."
  type        = bool
  default     = false
}

variable "oidc_provider_arn" {
  description = "IRSA: the cluster's IAM OIDC provider, arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>."
  type        = string
  default     = null
  validation {
    condition     = var.oidc_provider_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "oidc_provider" {
  description = "IRSA: the provider's issuer without https://, oidc.eks.<region>.amazonaws.com/id/<id>."
  type        = string
  default     = null
}

variable "namespace" {
  description = "The Kubernetes namespace of driftwatch (deploy/kubernetes uses driftwatch)."
  type        = string
  default     = "driftwatch"
}

variable "service_account" {
  description = "The ServiceAccount the pods run as (deploy/kubernetes: driftwatch)."
  type        = string
  default     = "driftwatch"
}

variable "member_role_names" {
  description = "The roles driftwatch may assume in member accounts (the member module's role names)."
  type        = list(string)
  default     = ["driftwatch-scanner"]
}

variable "state_buckets" {
  description = "Terraform state buckets driftwatch reads, each with the key prefix of its states (\"\" for all)."
  type        = map(string)
  default     = {}
}

variable "state_kms_key_arns" {
  description = "KMS keys the state objects are encrypted with (SSE-KMS), if any."
  type        = list(string)
  default     = []
}

variable "permissions_boundary_arn" {
  description = "A permissions boundary for the role, if your organisation requires one."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = { "managed-by" = "terraform", "app" = "driftwatch" }
}
