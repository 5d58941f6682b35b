//! Data files under content/data/: YAML and JSON are read by serde; CSV is read here
//! (header row, then one object per row, quoted fields allowed), since templates only
//! need rows of strings and numbers.

use serde_json::{Map, Value};

/// Rows of a CSV file as objects keyed by the header; numeric fields become numbers.
pub fn parse_csv(text: &str) -> Value {
    let mut rows = split_records(text).into_iter();
    let Some(header) = rows.next() else {
        return Value::Array(Vec::new());
    };
    let objects = rows
        .filter(|r| r.iter().any(|f| !f.is_empty()))
        .map(|r| {
            let mut obj = Map::new();
            for (k, v) in header
                .iter()
                .zip(r.into_iter().chain(std::iter::repeat(String::new())))
            {
                obj.insert(k.trim().to_owned(), cell(&v));
            }
            Value::Object(obj)
        })
        .collect();
    Value::Array(objects)
}

fn cell(v: &str) -> Value {
    let t = v.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Value::from(i);
    }
    if let Ok(f) = t.parse::<f64>()
        && f.is_finite()
    {
        return Value::from(f);
    }
    Value::String(t.to_owned())
}

fn split_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_csv_with_quotes_and_numbers() {
        let v =
            parse_csv("nam,so_vu,ghi_chu\n2023,12,\"có dấu, phẩy\"\n2024,9,\"nói \"\"rõ\"\"\"\n");
        assert_eq!(v[0]["nam"], 2023);
        assert_eq!(v[0]["ghi_chu"], "có dấu, phẩy");
        assert_eq!(v[1]["ghi_chu"], "nói \"rõ\"");
        assert_eq!(v.as_array().unwrap().len(), 2);
    }
}
