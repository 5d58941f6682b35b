//! Data files under content/data/: YAML and JSON are read by serde; CSV is read here
//! (header row, then one object per row, quoted fields allowed), since templates only
//! need rows of strings and numbers. A quoted cell stays text: `"0225..."` is a phone
//! number, not 225.

use serde_json::{Map, Value};

/// One CSV field as written: its text, and whether it was in quotes.
#[derive(Debug, Default, Clone)]
struct Field {
    text: String,
    quoted: bool,
}

/// Rows of a CSV file as objects keyed by the header; unquoted numeric fields become
/// numbers.
pub fn parse_csv(text: &str) -> Value {
    let mut rows = split_records(text).into_iter();
    let Some(header) = rows.next() else {
        return Value::Array(Vec::new());
    };
    let objects = rows
        .filter(|r| r.iter().any(|f| !f.text.is_empty()))
        .map(|r| {
            let mut obj = Map::new();
            for (k, v) in header
                .iter()
                .zip(r.into_iter().chain(std::iter::repeat(Field::default())))
            {
                obj.insert(k.text.trim().to_owned(), cell(&v));
            }
            Value::Object(obj)
        })
        .collect();
    Value::Array(objects)
}

fn cell(v: &Field) -> Value {
    let t = v.text.trim();
    if v.quoted {
        return Value::String(t.to_owned());
    }
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

fn split_records(text: &str) -> Vec<Vec<Field>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = Field::default();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.text.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.text.is_empty() => {
                quoted = true;
                field.quoted = true;
            }
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (c, _) => field.text.push(c),
        }
    }
    if !field.text.is_empty() || !record.is_empty() {
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

    /// Issue #16 / #18: a quoted cell was turned into a number ("0225..." -> 225...).
    #[test]
    fn quoted_cells_stay_text() {
        let v = parse_csv("ten,so\nDuong day nong,\"02253842123\"\nSo vu,12\n");
        assert_eq!(v[0]["so"], "02253842123");
        assert_eq!(v[1]["so"], 12);
    }
}
