//! Reading a response as the operation documents it: a success body as JSON, text, bytes
//! or nothing, and any other status as the operation's error.

use super::error::{ApiError, DecodeError, Error, HttpResponse};
use super::response::ResponseValue;
use super::send::Statuses;

impl HttpResponse {
    /// Decodes a JSON success body into `T`, or the matching error. A 2xx status the spec
    /// does not list still succeeds when its body decodes.
    #[doc(hidden)]
    pub fn json<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
        self,
        statuses: &Statuses,
    ) -> Result<ResponseValue<T>, Error<E>> {
        let code = self.status.as_u16();
        let documented = statuses.success.iter().any(|range| range.contains(&code));
        if !documented && !self.status.is_success() {
            return Err(self.into_error(statuses));
        }
        match serde_json::from_slice(&self.body) {
            Ok(value) => Ok(ResponseValue::new(value, self.status, self.headers, self.body)),
            Err(source) if documented => {
                let source = DecodeError::new(&source, &self.secrets);
                Err(Error::InvalidBody(Box::new(self), source))
            }
            Err(_) => Err(Error::UnexpectedStatus(Box::new(self))),
        }
    }

    /// Decodes a success body that some success statuses leave out (`200` with a body, `204`
    /// without): an empty body is `None`.
    #[doc(hidden)]
    pub fn json_or_empty<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
        self,
        statuses: &Statuses,
    ) -> Result<ResponseValue<Option<T>>, Error<E>> {
        if self.status.is_success() && self.body.is_empty() {
            return Ok(ResponseValue::new(None, self.status, self.headers, self.body));
        }
        self.json::<T, E>(statuses).map(|value| value.map(Some))
    }

    /// Reads a text success body (`text/*`, XML) as a `String`, replacing invalid UTF-8.
    #[doc(hidden)]
    pub fn text<E: serde::de::DeserializeOwned>(self, statuses: &Statuses) -> Result<ResponseValue<String>, Error<E>> {
        if !self.status.is_success() {
            return Err(self.into_error(statuses));
        }
        let text = String::from_utf8_lossy(&self.body).into_owned();
        Ok(ResponseValue::new(text, self.status, self.headers, self.body))
    }

    /// Reads a success body as raw bytes (`application/octet-stream`, images, several kinds).
    #[doc(hidden)]
    pub fn bytes<E: serde::de::DeserializeOwned>(self, statuses: &Statuses) -> Result<ResponseValue<Vec<u8>>, Error<E>> {
        if !self.status.is_success() {
            return Err(self.into_error(statuses));
        }
        let bytes = self.body.clone();
        Ok(ResponseValue::new(bytes, self.status, self.headers, self.body))
    }

    /// Checks the status of a response without a documented body: any 2xx succeeds.
    #[doc(hidden)]
    pub fn empty<E: serde::de::DeserializeOwned>(self, statuses: &Statuses) -> Result<ResponseValue<()>, Error<E>> {
        if self.status.is_success() {
            Ok(ResponseValue::new((), self.status, self.headers, self.body))
        } else {
            Err(self.into_error(statuses))
        }
    }

    pub(super) fn into_error<E: serde::de::DeserializeOwned>(self, statuses: &Statuses) -> Error<E> {
        let code = self.status.as_u16();
        let documented = statuses.errors.iter().any(|range| range.contains(&code))
            || (statuses.default_error && !self.status.is_success());
        if documented {
            if let Ok(error) = serde_json::from_slice(&self.body) {
                return Error::Api(Box::new(ApiError { error, response: self }));
            }
        }
        Error::UnexpectedStatus(Box::new(self))
    }
}
